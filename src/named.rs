//! Unit enums named by fixed kebab-case strings: urgencies' neighbours in the ruleset's
//! vocabulary, answers, error and lint codes. One macro declares the enum and its names, so a
//! name is written once, next to its variant.

/// Types named by a fixed set of kebab-case strings.
pub trait Named: Sized + Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The names, in the order of `ALL`.
    const NAMES: &'static [&'static str];
    /// The value's name, as written in JSON.
    fn name(self) -> &'static str;

    /// The value with this name.
    fn find(name: &str) -> Option<Self> {
        position(Self::NAMES, name).map(|i| Self::ALL[i])
    }
}

/// Where `name` is in `names`. (Not generic, so that every enum shares one copy.)
pub(crate) fn position(names: &[&str], name: &str) -> Option<usize> {
    names.iter().position(|n| *n == name)
}

/// Declares a unit enum with a kebab-case name for each variant: written to JSON and shown as
/// that name, and returned by `name()`. (`crate::json::named_enum!` also reads it from JSON.)
macro_rules! named {
    ($(#[$meta:meta])* $vis:vis enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $name:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $ty { $($(#[$vmeta])* $variant),* }

        impl $crate::named::Named for $ty {
            const ALL: &'static [$ty] = &[$($ty::$variant),*];
            const NAMES: &'static [&'static str] = &[$($name),*];

            fn name(self) -> &'static str {
                // One table of names, shared with `NAMES`.
                <$ty as $crate::named::Named>::NAMES[self as usize]
            }
        }

        impl $ty {
            /// The name written in JSON.
            pub fn name(self) -> &'static str {
                <$ty as $crate::named::Named>::name(self)
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, name: &&str) -> bool {
                self.name() == *name
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                // As a unit variant, so that the words writer finds its name by address.
                serializer.serialize_unit_variant(stringify!($ty), *self as u32, self.name())
            }
        }
    };
}
pub(crate) use named;
