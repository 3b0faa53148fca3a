//! A problem with one field of a form. The UI maps each [`FieldError`] to its field and to the
//! error summary at the top of the page. A leaf: it imports nothing from the domain, so every
//! form's rules can use it.

/// A problem with one field of a form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// The id of the input to move focus to from the error summary.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}
