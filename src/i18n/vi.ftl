## Giao diện tiếng Việt: cùng các thông điệp như en.ftl, cùng tên.

## Các phím, như trợ giúp, gợi ý ở dòng trạng thái và trang man liệt kê.
key-browse-down = bài sau / cuộn xuống
key-browse-up = bài trước / cuộn lên
key-browse-page-or-next = xuống một trang; ở cuối bài, sang bài sau
key-browse-page-down = xuống một trang
key-browse-page-up = lên một trang
key-browse-half-page-down = xuống / lên nửa trang
key-browse-top = bài đầu tiên / đầu bài
key-browse-bottom = bài cuối cùng / cuối bài
key-browse-open = đọc bài đang chọn
key-browse-back = về danh sách
key-browse-switch-focus = chuyển giữa danh sách và khung đọc
key-browse-toggle-unread-view = chỉ liệt kê bài chưa đọc / tất cả
key-browse-next-unread = bài chưa đọc tiếp theo
key-browse-toggle-read = ghi là đã đọc / chưa đọc (mục đang gập: cả mục)
key-browse-wider-list = nới rộng / thu hẹp danh sách
key-browse-start-search = tìm trong bài này / trong mọi bài
key-browse-show-bookmarks = mọi dấu trang
key-browse-show-problems = tệp bị bỏ qua và bài đọc có cảnh báo
key-browse-fetch-feeds = tải các nguồn tin vào thư mục này
key-browse-toggle-help = hiện trợ giúp này
key-browse-quit = thoát
key-list-toggle-section = gập / mở mục (các thư mục trong danh sách)
key-list-next-section = mục sau / mục trước
key-list-mark-section-read = ghi cả mục là đã đọc (chưa đọc nếu đã đọc hết)
key-list-mark-all-read = ghi mọi bài là đã đọc (bấm hai lần)
key-reader-next-paragraph = đoạn sau
key-reader-previous-paragraph = đoạn trước
key-reader-next-article = bài sau
key-reader-previous-article = bài trước
key-reader-next-match = kết quả sau
key-reader-previous-match = kết quả trước
key-reader-toggle-selection = chọn theo đoạn ({"{"} {"}"}), câu (( )) hay dòng (j k)
key-reader-next-sentence = chọn theo câu: câu sau / câu trước
key-reader-bookmark = đánh dấu phần đang chọn hoặc đoạn hiện tại
key-reader-copy = chép phần chọn hoặc đoạn hiện tại vào bộ nhớ tạm
key-bookmarks-down = dấu trang sau
key-bookmarks-up = dấu trang trước
key-bookmarks-page-down = xuống / lên một trang
key-bookmarks-half-page-down = xuống / lên nửa trang
key-bookmarks-top = dấu trang đầu / cuối
key-bookmarks-open = đọc đoạn đã đánh dấu
key-bookmarks-delete-bookmark = xóa dấu trang
key-bookmarks-undo-delete = hoàn tác lần xóa vừa rồi
key-bookmarks-edit-note = sửa ghi chú
key-bookmarks-start-search = lọc dấu trang
key-bookmarks-back = quay lại (Esc xóa bộ lọc trước)
key-bookmarks-toggle-help = hiện trợ giúp này
key-bookmarks-quit = thoát
key-problems-down = vấn đề sau / trước
key-problems-page-down = xuống / lên một trang
key-problems-half-page-down = xuống / lên nửa trang
key-problems-top = đầu / cuối
key-problems-open = đọc bài của vấn đề này
key-problems-back = quay lại
key-problems-toggle-help = hiện trợ giúp này
key-problems-quit = thoát
key-prompt-confirm = giữ kết quả tìm, lưu ghi chú, đọc bài đang chọn
key-prompt-cancel = hủy, về chỗ lúc mở dòng nhập
key-reader-prompt-older-query = trong khung đọc: từ khóa trước / sau
key-list-prompt-up = trong danh sách và dấu trang: chọn
key-search-older-query = từ khóa trước / sau
key-prompt-cursor-left = di chuyển con trỏ
key-prompt-cursor-home = con trỏ về đầu dòng
key-prompt-cursor-end = con trỏ về cuối dòng
key-prompt-delete-back = xóa ký tự trước con trỏ
key-prompt-delete-forward = xóa ký tự tại con trỏ
key-prompt-delete-word = xóa từ trước con trỏ
key-prompt-delete-to-start = xóa hết phần trước con trỏ
key-search-toggle-case = chữ hoa: tự động → phân biệt → bỏ qua
key-search-toggle-accents = dấu: tự động → phân biệt → bỏ qua
key-search-toggle-words = từ: đầu từ → trọn từ → mọi chỗ
key-help-down = cuộn xuống / lên
key-help-page-down = xuống / lên một trang
key-help-half-page-down = xuống / lên nửa trang
key-help-top = đầu / cuối
key-help-toggle-help = đóng trợ giúp
key-unsaved-retry-save = thử lưu lại, rồi thoát
key-unsaved-save-elsewhere = ghi ra tệp khôi phục ở nơi khác, rồi thoát
key-unsaved-quit-anyway = thoát, bỏ phần chưa lưu
key-unsaved-back = quay lại đọc: phần chưa lưu vẫn giữ trong bộ nhớ
key-everywhere-quit = thoát, nhớ chỗ đang đọc, từ bất kỳ màn hình nào
key-everywhere-suspend = tạm về shell; lệnh fg quay lại đây

## Các phần của trợ giúp.
help-section-browse = Trong danh sách và khung đọc
help-section-list = Trong danh sách
help-section-reader = Trong khung đọc
help-section-bookmarks = Trong khung dấu trang
help-section-problems = Trong khung sự cố
help-section-prompts = Khi gõ từ khóa tìm, bộ lọc hay ghi chú
help-section-help = Trong trợ giúp này
help-section-unsaved = Khi thoát mà còn phần chưa lưu
help-section-everywhere = Ở mọi nơi
key-wheel-name = chuột
key-wheel = con lăn cuộn khung dưới chuột; bấm để chọn

## Gợi ý ở dòng trạng thái: một chữ sau các phím.
hint-help = trợ giúp
hint-quit = thoát
hint-extend = mở rộng
hint-bookmark = đánh dấu
hint-copy = chép
hint-stop = bỏ chọn
hint-read = đọc
hint-delete = xóa
hint-note = ghi chú
hint-back = quay lại
hint-close = đóng
hint-save = lưu
hint-cancel = hủy

## Nơi phím có tác dụng, như bảng phím trong README và thông báo của tệp cấu hình gọi.
place-everywhere = mọi nơi
place-browse = danh sách, khung đọc
place-list = danh sách
place-reader = khung đọc
place-bookmarks = dấu trang
place-problems = sự cố
place-help = trợ giúp
place-prompt = dòng nhập
place-search = dòng tìm
place-reader-prompt = dòng tìm của khung đọc
place-list-prompt = dòng tìm của danh sách, bộ lọc dấu trang
place-unsaved = câu hỏi khi thoát mà còn phần chưa lưu
readme-key-table-head = | phím | ở đâu | làm gì |
    |---|---|---|
readme-mouse-wheel = chuột

## Dòng trạng thái.
status-problems = sự cố
status-no-bookmarks = chưa có dấu trang
status-no-bookmark-matches = không dấu trang nào khớp
status-bookmark-of = dấu trang { $at }/{ $count }
status-no-articles = không có bài nào
status-no-article-matches = không bài nào khớp
status-article-of = bài { $at }/{ $count }
status-read = đã đọc
status-all-read = đã đọc hết
status-unread = { $count } chưa đọc
list-section-unread = { $count } chưa đọc
list-marks-not-found = { $count } mất
status-indexing = đang lập chỉ mục…
status-checking = đang kiểm tra thay đổi…
status-indexing-of = đang lập chỉ mục { $done } / { $total }
status-files-skipped = bỏ qua { $count } tệp
status-read-with-warning = { $count } bài đọc có cảnh báo
status-shows-why = { $what } ({ $key } xem lý do)
status-searching = đang tìm…
status-no-matches = không thấy
status-matches = { $shown } kết quả
status-articles-found = { $count ->
    [0] không bài nào
   *[other] { $shown } bài
}
status-so-far = { $found } tới giờ
status-found-while-indexing = { $found } trong { $searched }/{ $total } (đang lập chỉ mục)

## Dòng nhập: cách tìm, và dòng ghi chú.
prompt-case = chữ hoa
prompt-accents = dấu
prompt-words = từ
prompt-case-letter = c
prompt-accents-letter = a
prompt-words-letter = w
prompt-bookmarks = { $count } dấu trang
prompt-note = Ghi chú:{" "}
prompt-note-again = Đã đánh dấu rồi · ghi chú:{" "}
setting-smart = tự động
setting-on = phân biệt
setting-off = bỏ qua
setting-start = đầu từ
setting-whole = trọn từ
setting-anywhere = mọi chỗ

## Các khung và thông báo trong đó.
too-small = Cửa sổ quá nhỏ: { $size }, docbao cần { $needed }. Hãy phóng to, hoặc bấm { $quit } để thoát.
title-problems = Sự cố ({ $count })
title-removed = đã xóa
title-unreadable = không đọc được
title-reader = Khung đọc
title-keys = Phím
title-keys-lines = Phím · dòng { $first }–{ $last }/{ $count }
title-passage = Đoạn trích
title-bookmarks = Dấu trang ({ $total })
title-bookmarks-filtered = Dấu trang “{ $query }” · { $count }/{ $total }
bookmarks-none = Chưa có dấu trang nào. Trong khung đọc, { $mark } đánh dấu đoạn hiện tại ({ $select } để chọn thêm).
bookmarks-no-match = Không dấu trang nào khớp. { $back } để xem tất cả.
bookmark-no-note = (không có ghi chú)
bookmark-note = Ghi chú: { $note }
bookmark-no-article = bài không có trong thư mục này
bookmark-not-found = không tìm thấy đoạn trích
bookmark-edited = đoạn trích đã bị sửa
title-search-so-far = Tìm · { $count } tới giờ · “{ $query }”
title-search = Tìm · { $count }/{ $total } · “{ $query }”
title-unread = Chưa đọc · { $count }/{ $total }
title-articles = Bài viết ({ $total })
list-none-skipped = Không có bài nào trong { $folder }: bỏ qua { $count } tệp ({ $key } xem lý do).
list-none = Không có bài nào trong { $folder }. docbao đọc các tệp *.txt, *.md và trang web đã lưu (*.html), cả trong thư mục con.
list-no-match-so-far = Chưa bài nào khớp: phần còn lại đang được lập chỉ mục. { $back } để xem tất cả.
list-no-unread-match = Không bài chưa đọc nào khớp. { $unread } để xem cả bài đã đọc, { $back } để bỏ tìm.
list-no-match = Không bài nào khớp. { $back } để xem tất cả.
undated = không rõ ngày
section-top = (gốc)
reader-meta = { $date } · { $words } từ · { $time } đọc
reader-end = hết
time-minutes = { $minutes } phút
time-hours = { $hours } giờ
time-hours-minutes = { $hours } giờ { $minutes } phút

## Thông báo ở dòng trạng thái, sau một phím.
note-removed-no-bookmark = không thể đánh dấu bài đã bị xóa
note-nothing-to-undo = không có gì để hoàn tác
note-bookmark-restored = đã khôi phục dấu trang
note-bookmarked = đã đánh dấu
note-bookmarked-with-note = đã đánh dấu, kèm ghi chú
note-unchanged = ghi chú không đổi
note-removed = đã xóa ghi chú
note-saved = đã lưu ghi chú
note-article-removed = bài đã bị xóa khỏi thư mục · vẫn mở cho tới khi bạn chuyển đi
note-article-unreadable = không còn đọc được tệp này: { $why } · vẫn mở cho tới khi bạn chuyển đi
note-bookmark-cancelled = đã hủy đánh dấu
note-selection-gone = tệp đã thay đổi, đoạn đang chọn không còn trong đó: đã bỏ chọn
note-worker-stopped = tiến trình { $what } của docbao đã dừng vì lỗi: hãy thoát và mở lại docbao
note-prompt-full = ô nhập giữ tối đa { $shown } ký tự: phần còn lại đã bị bỏ
title-unsaved = Chưa lưu
reader-opening = Đang mở…
unsaved-what = Chưa lưu: { $what }
unsaved-bookmarks = { $count } thay đổi dấu trang
unsaved-place = chỗ đang đọc
unsaved-failed-again = Đã thử lại: vẫn không được.
unsaved-retrying = Đang lưu lại…
unsaved-recovering = Đang ghi tệp khôi phục…
notice-recovered = phần chưa lưu được đã ghi vào { $path } (chép đè lên bookmarks.json để lấy lại các dấu trang)
notice-not-recovered = cũng không ghi được tệp khôi phục: { $error }
note-last-paragraph = đoạn cuối cùng
note-last-article = đây là bài cuối cùng
note-first-article = đây là bài đầu tiên
note-still-searching = vẫn đang tìm trong bài này
note-wrapped-top = tìm tiếp từ đầu bài
note-wrapped-bottom = tìm tiếp từ cuối bài
note-no-sections = thư mục này không chia mục
note-sections-unsearched = các mục hiện khi không tìm kiếm
note-every-article = đã liệt kê mọi bài
note-next-unread-top = bài chưa đọc tiếp theo: từ đầu danh sách
note-no-other-unread = không còn bài chưa đọc nào khác
note-marked-read = đã ghi là đã đọc
note-marked-unread = đã ghi là chưa đọc
note-section-marked-read = đã ghi { $count } bài của { $section } là đã đọc
note-section-marked-unread = đã ghi { $count } bài của { $section } là chưa đọc
note-nothing-unread = không còn bài chưa đọc
note-mark-all-again = bấm { $key } lần nữa để ghi cả { $count } bài chưa đọc là đã đọc
note-all-marked-read = đã ghi { $count } bài là đã đọc
note-last-section = đây là mục cuối cùng
note-first-section = đây là mục đầu tiên
note-list-widest = danh sách đã rộng hết mức
note-list-narrowest = danh sách đã hẹp hết mức
note-split-from = danh sách và khung đọc nằm cạnh nhau từ { $columns } cột
note-unbound-in-help = { $key } không làm gì ở đây · { $help } đóng trợ giúp
note-unbound = { $key } không làm gì ở đây · bấm { $help } để xem trợ giúp
problems-none = Mọi tệp đều đọc được, không có sự cố.
problems-none-so-far = Chưa có sự cố; phần còn lại của thư mục đang được lập chỉ mục.
note-copied = đã chép { $shown } ký tự vào bộ nhớ tạm
note-bookmark-elsewhere = “{ $title }” không có trong thư mục này ({ $path })
note-bookmark-kept = dấu trang này đã bị xóa ở cửa sổ khác; đã giữ lại cùng ghi chú của bạn
note-bookmark-gone = dấu trang này đã bị xóa ở cửa sổ khác
note-problem-not-listed = tệp này không có trong danh sách: không có bài để đọc
note-passage-gone = không còn tìm thấy đoạn trích: “{ $quote }”
note-bookmark-deleted = đã xóa dấu trang; { $undo } để lấy lại
note-no-article-matches = không bài nào khớp “{ $query }”
note-unread-only = chỉ bài chưa đọc · { $key } liệt kê tất cả
note-no-search = chưa tìm gì: bấm { $key } để tìm
note-no-matches-for = không thấy “{ $query }”

## Điều người dùng cần biết về các tệp dữ liệu: { $error } nói điều gì hỏng.
notice-not-saved = { $error }; dấu trang sẽ không được lưu
notice-bookmark-kept = { $error }; dấu trang được giữ trong bộ nhớ và sẽ lưu cùng lần thay đổi sau
notice-place-kept = { $error }; chỗ đang đọc được giữ trong bộ nhớ và sẽ sớm lưu lại
notice-old-bookmarks = { $error }; các dấu trang cũ chưa hiện trong thư mục này
notice-position-in = vị trí đọc trong “{ $name }”
notice-ambiguous = { $names } chỉ tới một bài theo tên tệp, mà nhiều tệp ở đây trùng tên; được giữ nguyên

## Dòng lệnh.
cli-stats = { $files } bài ({ $parsed } bài phân tích lại), { $size }, mở trong { $opened } ms, tìm trong { $searched } ms
cli-damaged = { $count } bài bị hỏng trong bộ nhớ đệm, đã đọc lại từ tệp ({ $then })
cli-damaged-stored-anew = sẽ lưu lại ở lần sau
cli-damaged-clear = `docbao cache --clear` dựng lại bộ nhớ đệm
cli-no-articles = không có bài nào trong { $folder }: docbao đọc các tệp *.txt, *.md và trang web đã lưu (*.html), cả trong thư mục con
cli-ambiguous = { $key } chỉ tới { $count } bài trong { $folder }: { $ids }; hãy dùng một trong các mã này
cli-cannot-show = không hiện được { $key }: { $problem }
cli-no-article = không có bài { $key } trong { $folder }
cli-empty-query = từ khóa trống
cli-cache-bundled = các bài có sẵn không có bộ nhớ đệm: hãy chỉ ra một thư mục
cli-cannot-open = không mở được { $path }: { $error }
cli-cache-not-folder = { $path } không phải thư mục: chỉ thư mục mới có bộ nhớ đệm
cli-no-cache-dir = không có thư mục bộ nhớ đệm: hãy đặt { $env }
cli-cache-none-to-remove = { $folder } không có bộ nhớ đệm để xóa
cli-cache-removed = đã xóa bộ nhớ đệm của { $folder }: { $dir }
cli-cache-none-yet = { $folder } chưa có bộ nhớ đệm: nó được tạo trong { $dir } lần đầu mở thư mục
cli-cache-size = bộ nhớ đệm của { $folder }: { $dir } ({ $files } tệp, { $size })
    mọi bộ nhớ đệm: { $root } ({ $all })
cli-misspelt = { $typed } không phải lệnh cũng không phải tệp (ý bạn là `docbao { $meant }`?)
cli-config-missing = không có tệp cấu hình { $path } (chỉ định bằng --config)
cli-no-bookmarks = chưa có dấu trang nào: m trong khung đọc đánh dấu đoạn đang đọc
cli-see-help = { $error } (docbao --help liệt kê các tùy chọn)
origin-bundled = các bài có sẵn

## Lỗi trong tệp cấu hình, sau TỆP:DÒNG:CỘT.
config-not-utf8 = không phải văn bản UTF-8: dùng giá trị mặc định
config-cannot-read = không đọc được: { $error }; dùng giá trị mặc định
config-bad-toml = không phải TOML hợp lệ: { $error }; dùng giá trị mặc định
config-unknown-key = khóa lạ { $key }: cần một trong { $known }
config-unknown-key-in = khóa lạ { $key } trong { $table }: cần một trong { $known }
config-style-type = { $name }: cần một màu ("#ffd75f") hoặc một bảng ({"{"} fg = "black", bg = "yellow", bold = true {"}"})
config-expected-bool = { $name }: cần true hoặc false
config-expected-colour = cần một màu trong ngoặc kép
config-expected-folder = cần đường dẫn thư mục trong ngoặc kép
config-unknown-colour = màu lạ { $name }: cần tên màu (black, red, green, yellow, blue, magenta, cyan, gray, white, light-red…), "#rrggbb" hoặc số từ 0 đến 255
config-unknown-action = { $action } không phải thao tác của [keys.{ $scope }]: cần một trong { $known }
config-expected-keys = { $action }: cần tên phím ("n", "Ctrl-N") hoặc danh sách tên phím
config-expected-table = cần một bảng
config-expected-one-of = { $shown }: cần một trong { $expected }
config-expected-percent = { $shown }: cần tỉ lệ phần trăm, số nguyên từ { $low } đến { $high }
config-expected-columns = { $shown }: cần số cột, số nguyên từ { $low } đến { $high }
config-unknown-key-name = phím lạ { $name }: cần một ký tự, Enter, Esc, Tab, Space, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn hoặc F1 đến F12, có thể sau C- (Ctrl), A- (Alt) hoặc S- (Shift)
config-no-key = chưa có phím cho { $action }: cần tên phím hoặc danh sách tên phím
config-typed-key = không gán được { $key } trong [keys.{ $scope }]: ở dòng nhập, ký tự được gõ thành chữ; hãy dùng phím Ctrl- hoặc Alt-
config-bound-twice = { $key } bị gán hai lần: cho { $action } và cho { $other } (ở { $place })
note-config-mistakes = tệp cấu hình có { $count } lỗi: { $key } liệt kê
verbatim = { $text }

## Vì sao một tệp bị bỏ qua, và cảnh báo khi đọc một bài.
skip-unreadable = không đọc được: { $error }, bỏ qua
skip-binary-nul = tệp nhị phân (có byte NUL), bỏ qua
skip-binary-signature = tệp nhị phân (có chữ ký của tệp nhị phân), bỏ qua
skip-binary-controls = tệp nhị phân (phần lớn là byte điều khiển), bỏ qua
skip-empty = không có chữ (trống, hoặc chỉ có dòng trắng), bỏ qua
skip-no-article = không có bài số { $index }
warn-guessed = không phải UTF-8: đọc theo bảng mã { $encoding } (đoán)
warn-invalid-utf8 = UTF-8 lỗi: các byte không đọc được hiện là �
warn-mojibake = đã sửa lỗi phông chữ (mojibake)
warn-mojibake-partly = chỉ sửa được một phần lỗi phông chữ (mojibake): vài ký tự đã mất trước khi docbao đọc tệp (hiện là �)
skip-link-loop = liên kết tượng trưng vòng lại thư mục cha, không theo
skip-walk = { $error }, bỏ qua

## Tệp không mở, đọc hay ghi được.
catalog-cannot-open = không mở được { $path }: { $error }
store-cannot-create = không tạo được { $path }: { $error }
store-cannot-lock = không khóa được { $path }: { $error }
store-cannot-open = không mở được { $path }: { $error }
store-cannot-read = không đọc được { $path }: { $error }
store-cannot-replace = không thay được { $path }: { $error }
store-cannot-set-aside = không cất riêng được { $path }: { $error }
store-cannot-write = không ghi được { $path }: { $error }
store-cannot-encode = không ghi được { $path }: không chuyển được nội dung sang JSON ({ $error })
store-no-data-dir = không có thư mục dữ liệu: hãy đặt { $env } hoặc dùng --data-dir
store-bookmarks-set-aside = không đọc được tệp dấu trang; đã cất riêng thành { $path } và bắt đầu lại
store-state-set-aside = không đọc được trạng thái đọc; đã cất riêng thành { $path } và bắt đầu lại

## Cửa sổ dòng lệnh.
tui-cannot-set-up = không thiết lập được cửa sổ dòng lệnh
tui-cannot-read-size = không đọc được kích thước cửa sổ dòng lệnh
tui-cannot-draw = không vẽ được lên cửa sổ dòng lệnh
tui-cannot-read = không đọc được từ cửa sổ dòng lệnh

## Bộ nhớ đệm và thư mục theo dõi, ở dòng trạng thái; { $why } nói lý do.
cache-rebuilding = đang dựng lại bộ nhớ đệm ({ $why })
cache-rebuilt = đã dựng lại bộ nhớ đệm ({ $why })
cache-not-written = không ghi được bộ nhớ đệm ({ $why })
cache-damaged = { $count } bài hỏng trong bộ nhớ đệm, đã đọc từ tệp
cache-damaged-stored-anew = { $count } bài hỏng trong bộ nhớ đệm, đã đọc từ tệp; sẽ lưu lại lần sau
cache-damaged-not-written = { $count } bài hỏng trong bộ nhớ đệm, đã đọc từ tệp; không ghi được: { $why }
live-polling = không nhận được thông báo thay đổi tệp ({ $why }): thư mục được xem lại mỗi giây
live-unwatched = thư mục không được theo dõi thay đổi ({ $why })
list-no-unread-match-typing = Không bài chưa đọc nào khớp. { $back } để bỏ tìm.

config-file-head = Tệp cấu hình của docbao. Lưu tệp ở đường dẫn mà `docbao config` cho biết, và bỏ dấu # trước một thiết lập để đổi nó. Lỗi được báo kèm dòng và cột, thiết lập đó giữ giá trị mặc định; docbao không bao giờ ghi vào tệp này.
config-file-theme = Màu: "dark" (tối), "light" (sáng) hoặc "auto" (theo nền của terminal).
config-file-language = Ngôn ngữ giao diện: "en", "vi" hoặc "auto" (theo LC_ALL, LC_MESSAGES, LANG).
config-file-folder = Thư mục mở khi không chỉ thư mục nào (~/ là thư mục nhà).
config-file-list-width = Phần của danh sách trên terminal rộng từ 80 cột, tính theo phần trăm (20 đến 70), cho đến khi < và > đổi nó.
config-file-text-width = Bề rộng tối đa khung đọc dàn chữ, tính theo cột.
config-file-mouse = docbao có nhận chuột hay không (con lăn cuộn, bấm để chọn); false để chuột cho terminal, dùng cho việc chọn chữ của nó.
config-file-case = Chữ hoa: "smart" (phân biệt khi câu tìm có chữ hoa), "match" (luôn phân biệt) hoặc "ignore" (bỏ qua).
config-file-accents = Dấu và đ: "smart" (khi câu tìm có dấu), "match" (luôn phân biệt) hoặc "ignore" (bỏ qua).
config-file-words = Chỗ bắt đầu khớp: "start" (đầu từ), "whole" (trọn từ) hoặc "anywhere" (bất cứ đâu).
config-file-colors = Mỗi kiểu của giao diện: một màu cho chữ, hoặc một bảng. Màu là một tên (black, red, green, yellow, blue, magenta, cyan, gray, white, light-red…), "#rrggbb" hoặc một số từ 0 đến 255. Ví dụ:
config-file-styles = Các kiểu:
config-file-keys = Phím: [keys.NƠI] HÀNH-ĐỘNG = "PHÍM" gán phím mới cho một hành động ở nơi đó, thay cho phím mặc định. Một phím là một ký tự, Enter, Esc, Tab, Space, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn hoặc F1 đến F12, có thể sau Ctrl-, Alt- hoặc Shift- (viết tắt C-, A-, S-). Ở mỗi nơi, một phím chỉ làm một việc.
config-file-path = tệp cấu hình: { $path }
config-file-missing = tệp cấu hình: { $path } (không có: đây là các giá trị mặc định)
config-file-no-dir = không biết thư mục cấu hình: đây là các giá trị mặc định
config-file-mistakes = số lỗi trong tệp: { $count } (ở stderr); các thiết lập đó giữ giá trị mặc định
config-file-no-folder = folder: chưa đặt (./articles nếu có, nếu không thì các bài kèm sẵn)
config-file-no-list-width = list_width: chưa đặt (35% bề rộng, 28 đến 48 cột)
style-title = tiêu đề bài
style-meta = ngày, độ dài và chữ phụ khác
style-warning = vấn đề gặp khi đọc tệp
style-heading = tiêu đề mục
style-caption = chú thích ảnh
style-body = chữ thường
style-selected = mục đang chọn trong danh sách
style-selected-idle = mục đang chọn trong danh sách khi đang đọc
style-border = viền
style-border-focused = viền của khung đang nhận phím
style-status = dòng trạng thái
style-key = tên phím
style-matched = chỗ khớp khi tìm
style-current-match = chỗ khớp đang đứng
style-passage = đoạn có dấu trang vừa mở
style-prompt = chữ gõ vào dòng nhập
style-selection = chữ đang chọn để đánh dấu
style-gutter = con trỏ đoạn
style-mark = dấu của dấu trang
style-unread = tiêu đề chưa đọc
feeds-set-aside = không đọc được tệp nguồn tin; đã giữ lại ở { $path } và danh sách đăng ký bắt đầu lại từ đầu
feed-added = đã đăng ký { $name }: bài viết sẽ vào thư mục { $section }/ (tải bằng `docbao fetch`)
feed-already = đã đăng ký rồi, với tên { $name }
feed-removed = đã hủy đăng ký { $name }; các bài đã tải vẫn giữ nguyên
feed-unknown = không có nguồn tin nào tên { $name } (xem `docbao feed list`)
feed-ambiguous = { $section } là mục của nhiều nguồn tin ({ $names }): hãy nêu tên nguồn cần bỏ
feed-none = chưa có nguồn tin nào: thêm bằng `docbao feed add URL`
feed-imported = đã thêm { $added } nguồn tin, { $known } nguồn đã có sẵn
feed-bad-address = { $url } không phải địa chỉ web (http:// hoặc https://)
feed-not-a-feed = không đăng ký được { $url }: { $why }
feed-page-names-none = { $url } là một trang web không dẫn tới nguồn tin nào
feed-found-in-page = trang này dẫn tới nguồn tin: { $url }
feed-unreachable = chưa tải được { $url } lúc này ({ $why }); vẫn đăng ký
feed-last-fetch = tải lúc { $when }: { $count } bài mới
feed-never-fetched = chưa tải lần nào
feed-last-error = lỗi lần trước: { $error }
fetch-no-feeds = không có nguồn tin để tải: thêm bằng `docbao feed add URL`
fetch-no-folder = không biết lưu bài vào đâu: dùng --into THƯ_MỤC, hoặc đặt folder trong tệp cấu hình
fetch-summary = { $count ->
    [0] không có bài mới
   *[other] { $count } bài mới
} trong { $folder } ({ $feeds } nguồn tin{ $failed ->
    [0] {""}
   *[other] , { $failed } nguồn lỗi
})
fetch-feed-done = ✓ { $name }: { $count ->
    [0] không có gì mới
   *[other] { $count } bài mới trong { $section }/
}
fetch-feed-unchanged = · { $name }: không có gì mới (không đổi)
fetch-feed-failed = ✗ { $name }: { $why }{ $count ->
    [0] {""}
   *[other] {" "}(đã lưu { $count } bài)
}
fetch-progress = { $done }/{ $feeds } nguồn · { $articles }/{ $total } bài
fetch-status = máy chủ trả lời { $code }
fetch-timeout = quá thời gian chờ
fetch-too-large = nội dung lớn hơn { $limit } MB
fetch-redirects = chuyển hướng quá nhiều lần (hoặc thành vòng lặp)
fetch-network = { $error }
fetch-page-not-feed = một trang web, không phải nguồn tin
fetch-not-feed = không phải nguồn tin: { $error }
fetch-pages = { $count } bài chưa tải được (sẽ thử lại lần sau)
fetch-no-text = trang không có nội dung bài viết
fetch-write = không ghi được { $path }: { $error }
note-fetch-already = đang tải các nguồn tin rồi
note-fetch-no-folder = nguồn tin được tải vào một thư mục: hãy mở một thư mục (docbao THƯ_MỤC)
note-fetching = đang tải các nguồn tin…
note-fetch-progress = đang tải nguồn tin: { $done }/{ $feeds } · { $articles }/{ $total } bài
note-fetched = { $count ->
    [0] không có bài mới
   *[other] { $count } bài mới
} ({ $feeds } nguồn tin)
note-fetched-one-failed = { $done }; { $name } lỗi: { $why }
note-fetched-failed = { $done }; { $failed } nguồn lỗi (xem docbao feed list)
note-fetch-no-feeds = chưa có nguồn tin: đăng ký bằng docbao feed add URL
note-fetch-no-data = không có thư mục dữ liệu nên không có đăng ký: đặt DOCBAO_DATA_DIR
note-fetch-unreadable = không đọc được danh sách đăng ký: { $error }
feed-name-taken = đã có nguồn tin tên { $name } ({ $url }): đặt tên khác cho nguồn này bằng --name
feed-last-tried = thử tải lúc { $when }
