//! Keeping a text box in step with stored text without rewriting what the person is typing.
//!
//! Writing `value` back into the box being typed in, on every keystroke, makes the browser redo
//! its work for the box and can move the caret. These helpers write it only when the stored
//! text differs from what the box already shows (another tab's change, an undo, a reload).

use leptos::html;
use leptos::prelude::*;

/// Keeps the textarea behind `node` showing `value`, writing only when they differ.
pub fn sync_textarea(node: NodeRef<html::Textarea>, value: Signal<String>) {
    Effect::new(move |_| {
        let value = value.get();
        if let Some(element) = node.get() {
            if element.value() != value {
                element.set_value(&value);
            }
        }
    });
}

/// Keeps the input behind `node` showing `value`, writing only when they differ.
pub fn sync_input(node: NodeRef<html::Input>, value: Signal<String>) {
    Effect::new(move |_| {
        let value = value.get();
        if let Some(element) = node.get() {
            if element.value() != value {
                element.set_value(&value);
            }
        }
    });
}
