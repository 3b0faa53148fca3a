//! A one-off message carried to the next page, such as "Review deleted", shown as a GOV.UK
//! success notification banner.

use leptos::prelude::*;

/// The message waiting to be shown on the next page.
#[derive(Clone, Copy)]
pub struct Notice(RwSignal<Option<String>>);

impl Notice {
    /// Creates the notice slot for the app.
    pub fn provide() {
        provide_context(Self(RwSignal::new(None)));
    }

    /// Leaves a message for the next page.
    pub fn set(&self, message: impl Into<String>) {
        self.0.set(Some(message.into()));
    }

    /// Takes the waiting message, so it is shown once.
    fn take(&self) -> Option<String> {
        self.0.try_update(Option::take).flatten()
    }
}

/// The app's notice slot.
pub fn use_notice() -> Notice {
    expect_context::<Notice>()
}

/// Shows the waiting message, if any, once.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let message = use_notice().take();
    message.map(|message| {
        view! {
            <div
                class="app-notification-banner app-notification-banner--success"
                role="alert"
                aria-labelledby="notice-title"
            >
                <h2 class="app-notification-banner__title" id="notice-title">
                    "Success"
                </h2>
                <p class="app-notification-banner__heading">{message}</p>
            </div>
        }
    })
}
