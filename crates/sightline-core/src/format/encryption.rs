//! Passphrase protection in the standard age format (age-encryption.org/v1, scrypt recipient),
//! through the `age` crate, so that the age command-line tool opens Sightline's protected files
//! with the same passphrase: the data outlives this app.
//!
//! The file key, nonce and salt come from the operating system's (in a browser, the Web Crypto
//! API's) random numbers through `getrandom`: the one place the core does not take randomness
//! as an argument, because cryptographic randomness must not be chosen by the caller.

use std::io::{Read, Write};

use age::secrecy::SecretString;

use super::FileError;
use crate::form::FieldError;

/// The start of every binary age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";
/// The start of an ASCII-armoured age file.
const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// The scrypt work factor (N = 2^16) for files Sightline protects: about a second in a browser
/// on an ordinary laptop, which makes guessing passphrases slow without making people wait.
pub const WORK_FACTOR: u8 = 16;
/// The largest work factor accepted when opening a file (N = 2^20 needs 1 GB of memory to
/// try); the age tool's own files use about 2^18.
pub const MAX_WORK_FACTOR: u8 = 20;
/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Whether `bytes` are an age file (binary or armoured), judged by content, not file name.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let trimmed = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|start| &bytes[start..])
        .unwrap_or(&[]);
    trimmed.starts_with(AGE_MAGIC) || trimmed.starts_with(ARMOR_BEGIN)
}

/// Protects `plaintext` with `passphrase`, as a binary age file.
pub fn encrypt(plaintext: &[u8], passphrase: &str) -> Vec<u8> {
    encrypt_with_work_factor(plaintext, passphrase, WORK_FACTOR)
}

/// [`encrypt`] with a chosen work factor (tests use a small one to run fast).
pub fn encrypt_with_work_factor(plaintext: &[u8], passphrase: &str, log_n: u8) -> Vec<u8> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(log_n);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .expect("one scrypt recipient is always accepted");
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .expect("writing to memory cannot fail");
    writer
        .write_all(plaintext)
        .expect("writing to memory cannot fail");
    writer.finish().expect("writing to memory cannot fail");
    out
}

/// Opens an age file with `passphrase`.
pub fn decrypt(ciphertext: &[u8], passphrase: &str) -> Result<Vec<u8>, FileError> {
    if ciphertext.len() > super::MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let trimmed_start = ciphertext
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let reader = age::armor::ArmoredReader::new(&ciphertext[trimmed_start..]);
    let decryptor = match age::Decryptor::new_buffered(reader) {
        Ok(decryptor) => decryptor,
        Err(error) => return Err(map_error(error)),
    };
    if !decryptor.is_scrypt() {
        return Err(FileError::Damaged(
            "it is protected with a key, not a passphrase; open it with the age tool".into(),
        ));
    }
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(map_error)?;
    let mut plaintext = Vec::new();
    reader
        .read_to_end(&mut plaintext)
        .map_err(|_| FileError::EncryptedDamaged)?;
    Ok(plaintext)
}

fn map_error(error: age::DecryptError) -> FileError {
    match error {
        age::DecryptError::DecryptionFailed
        | age::DecryptError::NoMatchingKeys
        | age::DecryptError::KeyDecryptionFailed => FileError::WrongPassphrase,
        age::DecryptError::ExcessiveWork { .. } => FileError::ExcessiveWork,
        age::DecryptError::UnknownFormat => {
            FileError::Damaged("it is a kind of age file Sightline does not know".into())
        }
        _ => FileError::EncryptedDamaged,
    }
}

/// A decryption failure as a short code, for passing between the page and the worker that
/// does the passphrase work ([`error_from_code`] reads it back).
pub fn error_code(error: &FileError) -> String {
    match error {
        FileError::WrongPassphrase => "wrong-passphrase".into(),
        FileError::EncryptedDamaged => "damaged".into(),
        FileError::ExcessiveWork => "excessive-work".into(),
        FileError::TooLarge => "too-large".into(),
        FileError::Damaged(what) => format!("damaged:{what}"),
        other => format!("other:{other}"),
    }
}

/// The failure an [`error_code`] stands for.
pub fn error_from_code(code: &str) -> FileError {
    match code {
        "wrong-passphrase" => FileError::WrongPassphrase,
        "excessive-work" => FileError::ExcessiveWork,
        "too-large" => FileError::TooLarge,
        _ => match code.split_once(':') {
            Some(("damaged", what)) => FileError::Damaged(what.to_owned()),
            _ => FileError::EncryptedDamaged,
        },
    }
}

/// How hard a passphrase would be to guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    /// The hint shown as the passphrase is typed.
    pub fn hint(self) -> &'static str {
        match self {
            Strength::TooShort => "Too short: use at least 10 characters.",
            Strength::Weak => "Weak: easy to guess. Four or more unrelated words are stronger and easier to remember.",
            Strength::Fair => "Fair. Adding another unrelated word would make it much stronger.",
            Strength::Strong => "Strong.",
        }
    }
}

/// A rough judgement of a passphrase: length matters most, then variety. Repeated characters
/// and a few very common passwords count as weak.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.len() < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    let lower = passphrase.to_lowercase();
    let common = [
        "password",
        "qwerty",
        "123456",
        "letmein",
        "sightline",
        "welcome",
        "abc123",
    ];
    let distinct: std::collections::BTreeSet<char> = chars.iter().copied().collect();
    if common.iter().any(|c| lower.contains(c)) || distinct.len() < 5 {
        return Strength::Weak;
    }
    let classes = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_ascii_digit()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    let words = passphrase
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3)
        .count();
    match (chars.len(), classes, words) {
        (n, _, w) if n >= 20 && w >= 4 => Strength::Strong,
        (n, c, _) if n >= 16 && c >= 3 => Strength::Strong,
        (n, c, w) if (n >= 14 && c >= 2) || w >= 3 => Strength::Fair,
        _ => Strength::Weak,
    }
}

/// Checks a new passphrase and its confirmation.
pub fn check_new_passphrase(passphrase: &str, confirm: &str) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if passphrase.is_empty() {
        errors.push(FieldError::new("passphrase", "Enter a passphrase"));
    } else if strength(passphrase) == Strength::TooShort {
        errors.push(FieldError::new(
            "passphrase",
            format!("The passphrase must be at least {MIN_PASSPHRASE_CHARS} characters"),
        ));
    }
    if errors.is_empty() && confirm != passphrase {
        errors.push(FieldError::new(
            "confirm-passphrase",
            "The passphrases do not match: type the same passphrase twice",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: u8 = 4;

    #[test]
    fn a_file_protected_with_a_passphrase_opens_with_it_and_only_it() {
        let secret = b"{\"kind\":\"sightline.review\"}";
        let file = encrypt_with_work_factor(secret, "correct horse battery staple", FAST);
        assert!(is_encrypted(&file));
        assert!(file.starts_with(b"age-encryption.org/v1\n-> scrypt "));
        assert_eq!(
            decrypt(&file, "correct horse battery staple").unwrap(),
            secret
        );
        assert_eq!(
            decrypt(&file, "Correct horse battery staple"),
            Err(FileError::WrongPassphrase)
        );
    }

    #[test]
    fn damaged_and_cut_short_files_are_told_apart_from_a_wrong_passphrase() {
        let file = encrypt_with_work_factor(&[7u8; 5000], "a long enough passphrase", FAST);
        let cut = &file[..file.len() - 100];
        assert_eq!(
            decrypt(cut, "a long enough passphrase"),
            Err(FileError::EncryptedDamaged)
        );
        let mut changed = file.clone();
        let last = changed.len() - 10;
        changed[last] ^= 0x55;
        assert_eq!(
            decrypt(&changed, "a long enough passphrase"),
            Err(FileError::EncryptedDamaged)
        );
        let mut header = file.clone();
        header[60] ^= 0x01;
        assert!(decrypt(&header, "a long enough passphrase").is_err());
        assert!(matches!(
            decrypt(b"age-encryption.org/v1\n", "x"),
            Err(FileError::EncryptedDamaged)
        ));
    }

    #[test]
    fn failures_survive_the_trip_to_the_worker_and_back() {
        for error in [
            FileError::WrongPassphrase,
            FileError::EncryptedDamaged,
            FileError::ExcessiveWork,
            FileError::TooLarge,
            FileError::Damaged("it is protected with a key".into()),
        ] {
            assert_eq!(error_from_code(&error_code(&error)), error);
        }
    }

    #[test]
    fn only_age_files_count_as_protected() {
        assert!(!is_encrypted(b"{\"kind\":\"sightline.review\"}"));
        assert!(!is_encrypted(b""));
        assert!(is_encrypted(b"\n-----BEGIN AGE ENCRYPTED FILE-----\n"));
    }

    #[test]
    fn passphrases_are_judged_by_length_and_variety() {
        assert_eq!(strength("short"), Strength::TooShort);
        assert_eq!(strength("password123"), Strength::Weak);
        assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("lighthouse9"), Strength::Weak);
        assert_eq!(strength("Lighthouse-9-kettle"), Strength::Strong);
        assert_eq!(strength("maple river cloud"), Strength::Fair);
        assert_eq!(strength("maple river cloud lantern"), Strength::Strong);
        assert!(check_new_passphrase("maple river cloud", "maple river clod").is_err());
        assert_eq!(
            check_new_passphrase("short", "short").unwrap_err()[0].message,
            "The passphrase must be at least 10 characters"
        );
        assert!(check_new_passphrase("maple river cloud", "maple river cloud").is_ok());
    }
}
