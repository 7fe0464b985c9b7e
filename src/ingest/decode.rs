//! Bytes of a file -> text: UTF-8 (with or without a BOM), UTF-16 with a BOM, and otherwise
//! Windows-1252, so a file saved by an old editor is read rather than rejected.

/// Why a file's bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes.
    #[error("empty file")]
    Empty,
    /// NUL bytes or other control bytes that text does not have.
    #[error("binary content (not text)")]
    Binary,
}

const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{017D}', '\u{FFFD}',
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{017E}', '\u{0178}',
];

/// Decodes a file's bytes into text, control characters other than tab and line breaks
/// replaced (see [`without_controls`]).
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_raw(bytes).map(without_controls)
}

/// Replaces the C0 control characters other than tab, line feed and carriage return (and DEL)
/// with a space, a form feed with a line feed: one character for one, so offsets hold, and
/// no control byte of an article reaches a page, a CSV cell or a terminal.
pub fn without_controls(text: String) -> String {
    let stray = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{7F}';
    if !text.chars().any(stray) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '\u{0C}' => '\n',
            c if stray(c) => ' ',
            c => c,
        })
        .collect()
}

fn decode_raw(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let binary = |b: &u8| *b == 0 || (*b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C));
    if bytes.iter().take(8192).filter(|b| binary(b)).count() > 0 {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Ok(bytes
            .iter()
            .map(|&b| {
                if (0x80..0xA0).contains(&b) {
                    CP1252_HIGH[(b - 0x80) as usize]
                } else {
                    b as char
                }
            })
            .collect()),
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
    let s = String::from_utf16_lossy(&units);
    if s.chars().any(|c| c == '\0') {
        return Err(DecodeError::Binary);
    }
    if s.trim().is_empty() {
        Err(DecodeError::Empty)
    } else {
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_quotes_are_decoded() {
        assert_eq!(
            decode(b"\x93peace\x94 plan").as_deref(),
            Ok("\u{201C}peace\u{201D} plan")
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Kyiv".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).as_deref(), Ok("Kyiv"));
    }

    #[test]
    fn control_characters_past_the_sniffed_head_are_replaced() {
        let mut b = "a".repeat(9000).into_bytes();
        b.extend_from_slice(b"x\x1b[2Jy\x07z\x0cw\tv\r\n\x7f");
        let text = decode(&b).unwrap_or_default();
        assert!(text.ends_with("x [2Jy z\nw\tv\r\n "), "{:?}", &text[9000..]);
        assert_eq!(text.chars().count(), b.len());
    }

    #[test]
    fn nul_bytes_and_empty_files_are_rejected() {
        assert_eq!(decode(b"ab\0cd"), Err(DecodeError::Binary));
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
    }
}
