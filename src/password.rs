//! Passwords and secrets: argon2id hashes with the `argon2` crate's recommended parameters
//! (19 MiB, 2 passes, 1 lane), and random tokens from the operating system. Pure: the accounts
//! are stored by [`crate::db::accounts`].

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// The shortest password `pointwise user add` and `user password` accept.
pub const MIN_LENGTH: usize = 10;

/// The longest password hashed (a longer one is refused before any work is done).
pub const MAX_LENGTH: usize = 1024;

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`) of `password`, with a random salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let hash = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `stored` (false for a malformed one).
pub fn verify(password: &str, stored: &str) -> bool {
    if password.len() > MAX_LENGTH {
        return false;
    }
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash of a password nobody has, verified against when an account does not exist, so that a
/// sign-in takes as long whether the name is known or not.
pub fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let mut secret = [0u8; 32];
        let _ = getrandom::fill(&mut secret);
        hash(&hex(&secret)).unwrap_or_default()
    })
}

/// Why a new password is refused, if it is.
pub fn check_new(password: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        return Err(format!(
            "the password has {chars} characters; at least {MIN_LENGTH} are needed"
        ));
    }
    if password.len() > MAX_LENGTH {
        return Err(format!("the password is over {MAX_LENGTH} bytes"));
    }
    Ok(())
}

/// 32 random bytes as 64 hex digits (session ids, CSRF tokens).
pub fn token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no random bytes: {e}"))?;
    Ok(hex(&bytes))
}

/// SHA-256 of a token, in hex: what the database keeps of a session id.
pub fn digest(token: &str) -> String {
    use sha2::Digest as _;
    hex(&sha2::Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() -> anyhow::Result<()> {
        let h = hash("correct horse battery")?;
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery", &h));
        assert!(!verify("correct horse batterY", &h));
        assert!(!verify("correct horse battery", "not a hash"));
        assert_ne!(h, hash("correct horse battery")?, "salted");
        Ok(())
    }

    #[test]
    fn tokens_are_random_and_compared_whole() -> anyhow::Result<()> {
        let (a, b) = (token()?, token()?);
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(same_token(&a, &a.clone()));
        assert!(!same_token(&a, &b));
        assert!(!same_token(&a, &a[..63]));
        assert_eq!(digest("x").len(), 64);
        Ok(())
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_new("short").is_err());
        assert!(check_new("long enough!").is_ok());
    }
}
