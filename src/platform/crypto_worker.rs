//! The passphrase work (age's scrypt: a second or more) in a Web Worker, so that the page
//! stays responsive while a protected file is opened or made: it can be drawn, scrolled and
//! the work cancelled. The worker (`src/platform/crypto_worker_main.rs`) is its own small WebAssembly
//! file, loaded only when it is needed.
//!
//! Where a worker cannot be started (a browser or a page address that refuses them), the work
//! runs on the page instead, after the page has drawn its "Unlocking…" state.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use futures::channel::oneshot;
use js_sys::{Array, Object, Reflect, Uint8Array};
use sightline_core::format::encryption;
use sightline_core::format::FileError;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, which Trunk writes beside the app.
const WORKER_URL: &str = "/crypto_worker_loader.js";

/// Why passphrase work ended without a result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The file could not be opened: wrong passphrase, damaged, too much work…
    File(FileError),
    /// The person cancelled it.
    Cancelled,
}

/// What the worker said.
enum Reply {
    Bytes(Vec<u8>),
    Failed(FileError),
    /// The worker could not run (it did not load, or the browser stopped it).
    Unavailable,
    Cancelled,
}

type Slot = Rc<RefCell<Option<oneshot::Sender<Reply>>>>;
/// A running worker and the handlers it calls, which must live as long as it does.
type Started = (web_sys::Worker, Vec<Closure<dyn FnMut(JsValue)>>);

/// Stops passphrase work that is under way: the worker is ended and the work reports
/// [`CryptoError::Cancelled`].
#[derive(Clone)]
pub struct Canceller {
    worker: Option<web_sys::Worker>,
    slot: Slot,
}

impl Canceller {
    pub fn cancel(&self) {
        if let Some(worker) = &self.worker {
            worker.terminate();
        }
        if let Some(sender) = self.slot.borrow_mut().take() {
            let _ = sender.send(Reply::Cancelled);
        }
    }
}

#[derive(Clone, Copy)]
enum Op {
    Encrypt,
    Decrypt,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Encrypt => "encrypt",
            Op::Decrypt => "decrypt",
        }
    }

    /// The same work on the page's own thread.
    fn run_here(self, bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, FileError> {
        match self {
            Op::Encrypt => Ok(encryption::encrypt(bytes, passphrase)),
            Op::Decrypt => encryption::decrypt(bytes, passphrase),
        }
    }
}

fn send(slot: &Slot, reply: Reply) {
    if let Some(sender) = slot.borrow_mut().take() {
        let _ = sender.send(reply);
    }
}

/// Starts the worker and hands it the work once it says it is ready. The closures live as
/// long as the worker: they are returned to be dropped with it.
fn start_worker(op: Op, bytes: Arc<Vec<u8>>, passphrase: String, slot: Slot) -> Option<Started> {
    let worker = web_sys::Worker::new(WORKER_URL).ok()?;
    let on_message = {
        let (worker, slot) = (worker.clone(), slot.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let data = Reflect::get(&event, &"data".into()).unwrap_or(JsValue::UNDEFINED);
            let field =
                |name: &str| Reflect::get(&data, &name.into()).unwrap_or(JsValue::UNDEFINED);
            if field("ready").is_truthy() {
                let job = Object::new();
                let array = Uint8Array::from(bytes.as_slice());
                let _ = Reflect::set(&job, &"op".into(), &op.name().into());
                let _ = Reflect::set(&job, &"passphrase".into(), &passphrase.as_str().into());
                let _ = Reflect::set(&job, &"bytes".into(), &array);
                if worker
                    .post_message_with_transfer(&job, &Array::of1(&array.buffer()))
                    .is_err()
                {
                    send(&slot, Reply::Unavailable);
                }
            } else if let Ok(array) = field("bytes").dyn_into::<Uint8Array>() {
                send(&slot, Reply::Bytes(array.to_vec()));
            } else if let Some(code) = field("error").as_string() {
                send(&slot, Reply::Failed(encryption::error_from_code(&code)));
            }
        })
    };
    let on_error = {
        let slot = slot.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            // A worker that fails to load must not also log an error on the page.
            if let Ok(event) = event.dyn_into::<web_sys::Event>() {
                event.prevent_default();
            }
            send(&slot, Reply::Unavailable)
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some((worker, vec![on_message, on_error]))
}

/// Runs `op` in a worker, or on the page if no worker can run. Returns at once with a
/// canceller and the work to await.
fn run(
    op: Op,
    bytes: Arc<Vec<u8>>,
    passphrase: String,
) -> (
    Canceller,
    impl std::future::Future<Output = Result<Vec<u8>, CryptoError>>,
) {
    let (sender, receiver) = oneshot::channel();
    let slot: Slot = Rc::new(RefCell::new(Some(sender)));
    let started = start_worker(op, bytes.clone(), passphrase.clone(), slot.clone());
    let canceller = Canceller {
        worker: started.as_ref().map(|(w, _)| w.clone()),
        slot: slot.clone(),
    };
    if started.is_none() {
        send(&slot, Reply::Unavailable);
    }
    let work = async move {
        let reply = receiver.await.unwrap_or(Reply::Unavailable);
        if let Some((worker, closures)) = started {
            worker.terminate();
            // A message the worker sent just before it ended can still be on its way to the
            // page: unhook the handlers before they are dropped, so it finds none rather than
            // a dropped closure ("closure invoked after being dropped", seen when an unlocking
            // was cancelled as the worker answered).
            worker.set_onmessage(None);
            worker.set_onerror(None);
            drop(closures);
        }
        match reply {
            Reply::Bytes(bytes) => Ok(bytes),
            Reply::Failed(error) => Err(CryptoError::File(error)),
            Reply::Cancelled => Err(CryptoError::Cancelled),
            Reply::Unavailable => {
                // The page has drawn its "Unlocking…" state; do the work here.
                super::timing::next_frame().await;
                op.run_here(&bytes, &passphrase).map_err(CryptoError::File)
            }
        }
    };
    (canceller, work)
}

/// Opens an age file with `passphrase`, off the page's thread.
pub fn decrypt(
    bytes: Arc<Vec<u8>>,
    passphrase: String,
) -> (
    Canceller,
    impl std::future::Future<Output = Result<Vec<u8>, CryptoError>>,
) {
    run(Op::Decrypt, bytes, passphrase)
}

/// Protects `plaintext` with `passphrase` as an age file, off the page's thread.
pub async fn encrypt(plaintext: Vec<u8>, passphrase: String) -> Vec<u8> {
    let plaintext = Arc::new(plaintext);
    let (_, work) = run(Op::Encrypt, plaintext.clone(), passphrase.clone());
    match work.await {
        Ok(bytes) => bytes,
        // Protecting cannot fail, and nothing cancels it; should the worker say otherwise,
        // the work is done here.
        Err(_) => encryption::encrypt(&plaintext, &passphrase),
    }
}
