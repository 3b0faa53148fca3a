//! Files in and out: reading a file the person chose, and saving a file to their computer.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a chosen file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("The file could not be read ({0}). Check it is still there, then choose it again.")]
    Unreadable(String),
    #[error("The file is larger than {limit_mb} MB, which is more than Sightline reads. Check it is the right file.")]
    TooLarge { limit_mb: usize },
    #[error(
        "The file could not be saved ({0}). Check this browser allows downloads, then try again."
    )]
    NotSaved(String),
}

/// The bytes of a file chosen in a file input, refusing files over `limit` bytes before
/// reading them.
pub async fn read_bytes(file: &web_sys::File, limit: usize) -> Result<Vec<u8>, FileError> {
    if file.size() > limit as f64 {
        return Err(FileError::TooLarge {
            limit_mb: limit / (1024 * 1024),
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| FileError::Unreadable(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file chosen in the input that fired `event`, if any.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}

/// Every file chosen in the input that fired `event`.
pub fn chosen_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// Offers `bytes` to the person as a download called `file_name`.
pub fn download(file_name: &str, mime_type: &str, bytes: &[u8]) -> Result<(), FileError> {
    let fail = |e: JsValue| FileError::NotSaved(format!("{e:?}"));
    let window = web_sys::window().ok_or_else(|| FileError::NotSaved("no window".into()))?;
    let document = window
        .document()
        .ok_or_else(|| FileError::NotSaved("no document".into()))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    document.body().map(|body| body.append_child(&link));
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the address is released.
    let release = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    Ok(())
}
