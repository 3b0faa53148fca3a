//! Telling the app's other tabs that a review was saved, through a `BroadcastChannel`, so an
//! open copy of the review can show the change at once instead of finding out at its next save.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use sightline_core::ReviewId;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "sightline-saves";

/// A save in one tab, as the others hear of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub review: ReviewId,
    pub revision: u64,
}

/// Something told of every other tab's save.
type Listener = Rc<dyn Fn(&Saved)>;

thread_local! {
    static CHANNEL_HANDLE: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    static LISTENERS: RefCell<Vec<(u64, Listener)>> = const { RefCell::new(Vec::new()) };
    static NEXT: RefCell<u64> = const { RefCell::new(0) };
}

/// The channel, opened on first use with one message handler that calls the listeners. `None`
/// where the browser has no BroadcastChannel: tabs then find out at their next save instead.
fn channel() -> Option<web_sys::BroadcastChannel> {
    CHANNEL_HANDLE.with(|handle| {
        if handle.borrow().is_none() {
            let opened = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
            let on_message =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                    let Some(text) = event.data().as_string() else {
                        return;
                    };
                    let Ok(saved) = serde_json::from_str::<Saved>(&text) else {
                        return;
                    };
                    let listeners: Vec<Listener> =
                        LISTENERS.with(|l| l.borrow().iter().map(|(_, f)| f.clone()).collect());
                    for listener in listeners {
                        listener(&saved);
                    }
                });
            opened.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // Lives as long as the page.
            on_message.forget();
            *handle.borrow_mut() = Some(opened);
        }
        handle.borrow().clone()
    })
}

/// Tells the other tabs that `review` is stored at `revision`.
pub fn announce(saved: &Saved) {
    if let (Some(channel), Ok(text)) = (channel(), serde_json::to_string(saved)) {
        let _ = channel.post_message(&JsValue::from_str(&text));
    }
}

/// Calls `listener` for every save announced by another tab, until the returned key is passed
/// to [`stop_listening`].
pub fn listen(listener: impl Fn(&Saved) + 'static) -> u64 {
    let _ = channel();
    let key = NEXT.with(|n| {
        *n.borrow_mut() += 1;
        *n.borrow()
    });
    LISTENERS.with(|l| l.borrow_mut().push((key, Rc::new(listener))));
    key
}

/// Stops a listener.
pub fn stop_listening(key: u64) {
    LISTENERS.with(|l| l.borrow_mut().retain(|(k, _)| *k != key));
}
