//! What a review learns and what it does about it (DOMAIN.md sections 3 and 6): findings, the
//! action plan, and the 7-minute briefing that shares the learning.

pub mod actions;
pub mod briefing;
pub mod findings;

pub use actions::{Action, ActionForm, ActionStatus};
pub use briefing::{Briefing, BriefingLayout, BriefingSection, CheckRecord, Dismissal};
pub use findings::{Finding, FindingForm, FindingKind};
