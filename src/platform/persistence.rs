//! Asking the browser to keep Sightline's data (`navigator.storage.persist()`) and how much
//! space it uses (`navigator.storage.estimate()`).

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What the browser said about keeping Sightline's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will not clear the data to free space.
    Granted,
    /// The browser may clear the data when space runs low.
    NotGranted,
    /// This browser cannot be asked.
    Unsupported,
}

/// Space used and available, in bytes, as the browser estimates it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageEstimate {
    pub usage: f64,
    pub quota: f64,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no `navigator.storage`; web-sys would hand back `undefined` as if it
    // were a StorageManager, so check first.
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    Some(navigator.storage())
}

async fn ask_bool(promise: Result<js_sys::Promise, JsValue>) -> Persistence {
    let Ok(promise) = promise else {
        return Persistence::Unsupported;
    };
    match JsFuture::from(promise).await {
        Ok(value) if value.as_bool() == Some(true) => Persistence::Granted,
        Ok(_) => Persistence::NotGranted,
        Err(_) => Persistence::Unsupported,
    }
}

/// Asks the browser to keep Sightline's data even when space runs low. Browsers decide on their
/// own terms: Chromium grants it to installed or often-used sites without asking the person.
pub async fn request_persistence() -> Persistence {
    match storage_manager() {
        Some(manager) => ask_bool(manager.persist()).await,
        None => Persistence::Unsupported,
    }
}

/// Whether the browser has already agreed to keep Sightline's data.
pub async fn persistence() -> Persistence {
    match storage_manager() {
        Some(manager) => ask_bool(manager.persisted()).await,
        None => Persistence::Unsupported,
    }
}

/// The browser's estimate of space used and available for this site.
pub async fn estimate() -> Option<StorageEstimate> {
    let promise = storage_manager()?.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    let number = |key: &str| {
        js_sys::Reflect::get(&value, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some(StorageEstimate {
        usage: number("usage")?,
        quota: number("quota")?,
    })
}
