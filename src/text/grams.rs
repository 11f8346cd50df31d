//! Trigram signatures of folded text: a small bit set per article that says for sure when a
//! query cannot occur in it, so that a catalog search skips most articles without reading
//! their text.
//!
//! Every run of three bytes of the folded text sets one bit; a needle all of whose runs of
//! three have their bit set may occur, one with a bit unset cannot (a byte-exact substring
//! has every trigram of the needle among the haystack's). Bytes rather than characters, so
//! that any language works and nothing is decoded.

/// Fewest bits a signature has (eight bytes).
const MIN_BITS: usize = 64;

/// Most bits a signature has: past this, a huge article is rarely ruled out anyway.
const MAX_BITS: usize = 1 << 20;

/// Bits per byte of text, as a divisor: about as many bits as there are distinct trigrams in
/// news prose, so that about half are set and each trigram of a query halves the chance that
/// an article without the query is read.
const BYTES_PER_BIT: usize = 2;

/// The signature of `folded`: a power-of-two number of bits, little-endian in bytes.
pub fn signature(folded: &[u8]) -> Vec<u8> {
    let bits = (folded.len() / BYTES_PER_BIT)
        .next_power_of_two()
        .clamp(MIN_BITS, MAX_BITS);
    let shift = 32 - bits.trailing_zeros();
    let mut set = vec![0u8; bits / 8];
    for gram in folded.windows(3) {
        let bit = hash(gram) >> shift;
        set[(bit / 8) as usize] |= 1 << (bit % 8);
    }
    set
}

/// The trigrams of a needle, hashed once for every article it is tried on.
#[derive(Debug, Clone, Default)]
pub struct Probe {
    hashes: Vec<u32>,
}

impl Probe {
    /// The probe for `needle` (folded as the texts are); one shorter than three bytes rules
    /// nothing out.
    pub fn new(needle: &[u8]) -> Probe {
        let mut hashes: Vec<u32> = needle.windows(3).map(hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Probe { hashes }
    }

    /// Whether the probe can rule anything out: the needle has three bytes or more.
    pub fn rules_out(&self) -> bool {
        !self.hashes.is_empty()
    }

    /// Whether a text with this signature may hold the needle: `false` only when it cannot.
    pub fn may_occur(&self, signature: &[u8]) -> bool {
        let bits = signature.len() * 8;
        if !bits.is_power_of_two() || bits < MIN_BITS {
            // Not a signature this module made: nothing can be ruled out.
            return true;
        }
        let shift = 32 - bits.trailing_zeros();
        self.hashes.iter().all(|h| {
            let bit = h >> shift;
            signature[(bit / 8) as usize] & (1 << (bit % 8)) != 0
        })
    }
}

/// A trigram's hash: its bytes as a number, spread by a multiplication whose high bits are
/// the bit it sets (Fibonacci hashing, good in the high bits).
fn hash(gram: &[u8]) -> u32 {
    let n = u32::from(gram[0]) << 16 | u32::from(gram[1]) << 8 | u32::from(gram[2]);
    n.wrapping_mul(0x9E37_79B1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_substring_may_occur() {
        let text = b"thu tuong chinh phu noi ve cong uoc ha noi nam nay";
        let signature = signature(text);
        for start in 0..text.len() {
            for end in start..=text.len() {
                assert!(Probe::new(&text[start..end]).may_occur(&signature));
            }
        }
    }

    #[test]
    fn most_absent_needles_are_ruled_out() {
        let text = "thu tuong chinh phu noi ve cong uoc ha noi nam nay ".repeat(20);
        let signature = signature(text.as_bytes());
        let absent = [
            "xyzzy quux",
            "an ninh mang",
            "hoa binh the gioi",
            "kinh te so",
        ];
        let ruled_out = absent
            .iter()
            .filter(|n| !Probe::new(n.as_bytes()).may_occur(&signature))
            .count();
        assert!(ruled_out >= 3, "ruled out {ruled_out} of {}", absent.len());
    }

    #[test]
    fn short_needles_and_foreign_signatures_rule_nothing_out() {
        assert!(Probe::new(b"zq").may_occur(&signature(b"abc")));
        assert!(Probe::new(b"zzz").may_occur(&[0; 3]));
        assert_eq!(signature(b"").len(), MIN_BITS / 8);
    }
}
