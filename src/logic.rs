//! Three-valued (Kleene) logic: an answer of "not known" is neither yes nor no.

use serde::Serialize;

/// The truth of a condition given what is known about the child.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Truth {
    /// Certainly true.
    True,
    /// Certainly false.
    False,
    /// It depends on something not known.
    Unknown,
}

impl std::ops::Not for Truth {
    type Output = Truth;

    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

impl Truth {
    /// Kleene conjunction: false wins, then unknown.
    pub fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        }
    }

    /// Kleene disjunction: true wins, then unknown.
    pub fn or(self, other: Truth) -> Truth {
        !(!self).and(!other)
    }

    /// "At least `n` of these": certainly true once `n` are true, certainly false once too few
    /// could still become true.
    pub fn at_least(n: usize, truths: impl IntoIterator<Item = Truth>) -> Truth {
        let (mut yes, mut maybe) = (0, 0);
        for truth in truths {
            match truth {
                Truth::True => yes += 1,
                Truth::Unknown => maybe += 1,
                Truth::False => {}
            }
        }
        if yes >= n {
            Truth::True
        } else if yes + maybe >= n {
            Truth::Unknown
        } else {
            Truth::False
        }
    }

    /// A known truth.
    pub fn from_bool(value: bool) -> Truth {
        if value {
            Truth::True
        } else {
            Truth::False
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Truth::{self, False as F, True as T, Unknown as U};

    const ALL: [Truth; 3] = [T, F, U];

    #[test]
    fn not_truth_table() {
        assert_eq!([!T, !F, !U], [F, T, U]);
    }

    #[test]
    fn and_or_truth_tables() {
        // Rows: left operand T, F, U; columns: right operand T, F, U.
        let and = [[T, F, U], [F, F, F], [U, F, U]];
        let or = [[T, T, T], [T, F, U], [T, U, U]];
        for (i, a) in ALL.iter().enumerate() {
            for (j, b) in ALL.iter().enumerate() {
                assert_eq!(a.and(*b), and[i][j], "{a:?} and {b:?}");
                assert_eq!(a.or(*b), or[i][j], "{a:?} or {b:?}");
            }
        }
    }

    #[test]
    fn at_least_is_certain_only_when_unknowns_cannot_matter() {
        assert_eq!(Truth::at_least(2, [T, T, U]), T);
        assert_eq!(Truth::at_least(2, [T, U, F]), U);
        assert_eq!(Truth::at_least(2, [T, F, F]), F);
        assert_eq!(Truth::at_least(0, []), T);
        assert_eq!(Truth::at_least(1, [U, U]), U);
        assert_eq!(Truth::at_least(3, [T, T]), F);
    }
}
