//! User Timing marks (`performance.mark` / `performance.measure`), so benchmarks and the
//! browser's performance panel can see how long the app's own work takes. Costs microseconds.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks the start of something to be measured.
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Records a measure called `name` from the mark `start` until now, and removes the mark so a
/// later measure cannot start from it by mistake. Nothing is recorded without the mark.
pub fn measure(name: &str, start: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start);
        performance.clear_marks_with_mark_name(start);
    }
}

/// Waits for the browser to draw the next frame, so a message such as "Unlocking…" shows
/// before work that holds the page for a moment.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        let resolve2 = resolve.clone();
        let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::window()
                .expect("a window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    wasm_bindgen::JsCast::unchecked_ref(&resolve2),
                    0,
                );
        });
        let _ = window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&after_paint));
        let _ = resolve;
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
