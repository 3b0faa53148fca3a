//! Registers the service worker (`sw.js`, written into the build by `tools/post-build.mjs`) and
//! reports what it does: when the app is ready to work offline, and when a new build has been
//! downloaded and is waiting.
//!
//! A new build never takes over a page by itself. The worker waits until the person chooses to
//! reload ([`apply_update`]), so a page never runs half old and half new.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};

/// The worker's script, at the site root so that it controls every page of the app.
const WORKER_URL: &str = "/sw.js";
/// How often an open page asks for a new build, in milliseconds.
const UPDATE_CHECK_INTERVAL_MS: i32 = 30 * 60 * 1000;

/// What the page is told about the service worker.
pub trait WorkerEvents: 'static {
    /// Every asset is cached: the app now works with the network gone.
    fn offline_ready(&self);
    /// A new build is installed and waits for the person to reload.
    fn update_ready(&self);
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has_workers = Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    has_workers.then(|| navigator.service_worker())
}

/// Calls `f` once `worker` has finished installing.
fn when_installed(worker: ServiceWorker, f: impl Fn() + 'static) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn FnMut()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed {
            f();
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    // The listener lives as long as the worker; leaking one small closure per update is fine.
    on_state_change.forget();
}

/// Registers the service worker and reports its progress to `events`. Does nothing in a browser
/// without service workers (the app then works online only).
pub fn register(events: impl WorkerEvents) {
    let Some(container) = container() else {
        return;
    };
    let events = Rc::new(events);
    let options = RegistrationOptions::new();
    // Always fetch sw.js itself from the network, so a new build is found as soon as it exists.
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registering = container.register_with_options(WORKER_URL, &options);
    let had_controller = container.controller().is_some();

    // Another tab may apply an update; this tab then runs old code under a new worker, so it
    // is told a new version is ready too.
    let replaced_events = events.clone();
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if had_controller {
            replaced_events.update_ready();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // An update found on an earlier visit may already be waiting.
        if registration.waiting().is_some() && had_controller {
            events.update_ready();
        }
        let found = registration.clone();
        let found_events = events.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = found.installing() {
                let events = found_events.clone();
                when_installed(installing, move || {
                    if had_controller {
                        events.update_ready();
                    }
                });
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();

        let checking = registration.clone();
        let check = Closure::<dyn FnMut()>::new(move || {
            let _ = checking.update();
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
                check.as_ref().unchecked_ref(),
                UPDATE_CHECK_INTERVAL_MS,
            );
        }
        check.forget();

        if let Some(container) = self::container() {
            if let Ok(ready) = container.ready() {
                if JsFuture::from(ready).await.is_ok() {
                    events.offline_ready();
                }
            }
        }
    });
}

/// Switches to the waiting build and reloads the page once it is in control. If no build is
/// waiting (another tab already switched), just reloads.
pub fn apply_update() {
    let reload = || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let Some(container) = container() else {
        return reload();
    };
    wasm_bindgen_futures::spawn_local(async move {
        let registration = JsFuture::from(container.get_registration()).await.ok();
        let waiting = registration
            .filter(|r| !r.is_undefined())
            .and_then(|r| r.unchecked_into::<ServiceWorkerRegistration>().waiting());
        let Some(waiting) = waiting else {
            return reload();
        };
        let reloaded = Rc::new(Cell::new(false));
        let on_controller_change = Closure::<dyn FnMut()>::new(move || {
            if !reloaded.replace(true) {
                reload();
            }
        });
        let _ = container.add_event_listener_with_callback(
            "controllerchange",
            on_controller_change.as_ref().unchecked_ref(),
        );
        on_controller_change.forget();
        let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
    });
}
