//! A modal confirmation built on the browser's `<dialog>`, which traps focus, closes on Escape
//! and returns focus to the button that opened it.

use leptos::html;
use leptos::prelude::*;

/// Numbers each dialog's heading id.
static NEXT_DIALOG: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

/// Asks the person to confirm something that cannot be undone.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is open. Set it to open; the dialog clears it when it closes.
    open: RwSignal<bool>,
    /// The question, as the dialog's heading.
    #[prop(into)]
    heading: Signal<String>,
    /// The label of the button that goes ahead.
    #[prop(into)]
    confirm_label: String,
    /// Called when the person confirms.
    on_confirm: impl Fn() + 'static,
    /// What happens if they go ahead.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // Its own heading id, so that two dialogs on one page (the Overview has two) each name
    // their own heading.
    let heading_id = format!(
        "confirm-dialog-heading-{}",
        NEXT_DIALOG.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let labelled_by = heading_id.clone();
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        if open.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    view! {
        <dialog
            class="app-dialog"
            node_ref=dialog
            aria-labelledby=labelled_by
            on:close=move |_| open.set(false)
        >
            <h2 class="app-heading-m" id=heading_id>{move || heading.get()}</h2>
            {children()}
            <div class="app-button-group">
                <button
                    type="button"
                    class="app-button app-button--warning"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm();
                    }
                >
                    {confirm_label}
                </button>
                <button
                    type="button"
                    class="app-button app-button--secondary"
                    on:click=move |_| open.set(false)
                >
                    "Cancel"
                </button>
            </div>
        </dialog>
    }
}
