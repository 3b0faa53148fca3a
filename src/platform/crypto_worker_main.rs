//! The entry point of the Web Worker for the passphrase work (its own program, built by Trunk
//! beside the app; kept in `platform/` because it is browser code): age's scrypt takes a second or more, which on the
//! page's own thread would freeze it. The page (`platform::crypto_worker`) starts this worker
//! when a file is protected or opened, sends the bytes and the passphrase, and gets the result
//! back; nothing else runs here, and nothing is kept once it replies.
//!
//! Messages: the worker says `{ ready: true }` once it is running; the page sends
//! `{ op: "encrypt" | "decrypt", bytes: Uint8Array, passphrase }`; the worker replies
//! `{ bytes: Uint8Array }` or `{ error: code }` (`encryption::error_code`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use sightline_core::format::encryption;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |name: &str| {
                Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
            };
            let op = field("op").as_string().unwrap_or_default();
            let passphrase = field("passphrase").as_string().unwrap_or_default();
            let bytes = field("bytes")
                .dyn_into::<Uint8Array>()
                .map(|array| array.to_vec())
                .unwrap_or_default();
            let result = match op.as_str() {
                "encrypt" => Ok(encryption::encrypt(&bytes, &passphrase)),
                _ => encryption::decrypt(&bytes, &passphrase),
            };
            let reply = Object::new();
            let sent = match result {
                Ok(out) => {
                    let array = Uint8Array::from(out.as_slice());
                    let _ = Reflect::set(&reply, &"bytes".into(), &array);
                    replies.post_message_with_transfer(&reply, &Array::of1(&array.buffer()))
                }
                Err(error) => {
                    let _ = Reflect::set(
                        &reply,
                        &"error".into(),
                        &encryption::error_code(&error).into(),
                    );
                    replies.post_message(&reply)
                }
            };
            let _ = sent;
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// The worker only runs in a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
