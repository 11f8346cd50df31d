//! A set of a catalog's articles, one bit each: what the syllable index answers, asked of an
//! article in constant time and read back in catalog order.

/// Articles of a catalog, by index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Articles {
    words: Vec<u64>,
    len: usize,
}

impl Articles {
    /// No article of a catalog of `size` articles.
    pub fn new(size: usize) -> Articles {
        Articles {
            words: vec![0; size.div_ceil(64)],
            len: 0,
        }
    }

    /// Adds article `at` (past the catalog's size: nothing).
    pub fn insert(&mut self, at: usize) {
        if let Some(word) = self.words.get_mut(at / 64) {
            let bit = 1 << (at % 64);
            self.len += usize::from(*word & bit == 0);
            *word |= bit;
        }
    }

    /// Whether article `at` is in it.
    pub fn contains(&self, at: usize) -> bool {
        self.words
            .get(at / 64)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }

    /// How many articles are in it.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it has no article.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Its articles, in catalog order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(n, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let at = n * 64 + word.trailing_zeros() as usize;
                    word &= word - 1;
                    at
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_back_in_order_counted_once() {
        let mut set = Articles::new(200);
        for at in [130, 3, 64, 3, 199, 0, 500] {
            set.insert(at);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 3, 64, 130, 199]);
        assert_eq!(set.len(), 5);
        assert!(set.contains(64) && !set.contains(65) && !set.contains(500));
        assert!(Articles::new(0).is_empty());
    }
}
