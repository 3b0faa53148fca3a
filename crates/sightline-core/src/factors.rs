//! The systems-factor schemes (DOMAIN.md section 4): the sets of categories a review sorts its
//! map's factors into. A leaf of the domain: the review's details name a scheme, and each map
//! node names a category by its key.

use serde::{Deserialize, Serialize};

/// The set of categories a review sorts its factors into. One per review, switchable: a node
/// keeps its category when the scheme changes, shown with the scheme it came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryScheme {
    /// SCIE Learning Together: factor types and underlying patterns.
    #[default]
    Scie,
    /// SEIPS: the work system.
    Seips,
    Fishbone,
}

/// A category of factor within a scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// Stored on the node: "scie.conditions_of_work".
    pub key: &'static str,
    pub label: &'static str,
    /// The group it is listed under: "Factor types", "Underlying patterns".
    pub group: &'static str,
}

const fn category(key: &'static str, label: &'static str, group: &'static str) -> Category {
    Category { key, label, group }
}

const SCIE: [Category; 15] = [
    category("scie.family", "Family", "Factor types"),
    category("scie.staff", "Staff", "Factor types"),
    category("scie.role", "Role", "Factor types"),
    category(
        "scie.conditions_of_work",
        "Conditions of work",
        "Factor types",
    ),
    category("scie.team", "Team", "Factor types"),
    category("scie.inter_agency", "Inter-agency", "Factor types"),
    category("scie.management", "Management", "Factor types"),
    category("scie.tools", "Tools", "Factor types"),
    category("scie.policy", "Policy", "Factor types"),
    category(
        "scie.pattern.human_tool",
        "Human\u{2013}tool operation",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.human_management",
        "Human\u{2013}management system",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.multi_agency_crisis",
        "Multi-agency working in response to incidents and crises",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.multi_agency_longer_term",
        "Multi-agency working in longer-term work",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.human_reasoning",
        "Human reasoning: cognitive and emotional biases",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.family_professional",
        "Family\u{2013}professional interaction",
        "Underlying patterns",
    ),
];

const SEIPS: [Category; 6] = [
    category("seips.person", "Person", "Work system"),
    category("seips.tasks", "Tasks", "Work system"),
    category(
        "seips.tools_technology",
        "Tools and technology",
        "Work system",
    ),
    category("seips.organisation", "Organisation", "Work system"),
    category(
        "seips.internal_environment",
        "Internal environment",
        "Work system",
    ),
    category(
        "seips.external_environment",
        "External environment",
        "Work system",
    ),
];

const FISHBONE: [Category; 6] = [
    category("fishbone.people", "People", "Causes"),
    category("fishbone.methods", "Methods", "Causes"),
    category("fishbone.tools", "Tools", "Causes"),
    category("fishbone.information", "Information", "Causes"),
    category("fishbone.measurement", "Measurement", "Causes"),
    category("fishbone.environment", "Environment", "Causes"),
];

impl CategoryScheme {
    pub const ALL: [CategoryScheme; 3] = [
        CategoryScheme::Scie,
        CategoryScheme::Seips,
        CategoryScheme::Fishbone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CategoryScheme::Scie => "SCIE Learning Together: factor types and underlying patterns",
            CategoryScheme::Seips => "SEIPS work system",
            CategoryScheme::Fishbone => "Fishbone (cause and effect)",
        }
    }

    pub fn short_label(self) -> &'static str {
        match self {
            CategoryScheme::Scie => "SCIE",
            CategoryScheme::Seips => "SEIPS",
            CategoryScheme::Fishbone => "Fishbone",
        }
    }

    pub fn categories(self) -> &'static [Category] {
        match self {
            CategoryScheme::Scie => &SCIE,
            CategoryScheme::Seips => &SEIPS,
            CategoryScheme::Fishbone => &FISHBONE,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CategoryScheme::Scie => "scie",
            CategoryScheme::Seips => "seips",
            CategoryScheme::Fishbone => "fishbone",
        }
    }

    pub fn from_key(key: &str) -> Option<CategoryScheme> {
        CategoryScheme::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A category by its key, in whichever scheme it belongs to, with that scheme.
pub fn find_category(key: &str) -> Option<(CategoryScheme, Category)> {
    CategoryScheme::ALL.into_iter().find_map(|scheme| {
        scheme
            .categories()
            .iter()
            .find(|c| c.key == key)
            .map(|c| (scheme, *c))
    })
}

/// How a node's category reads under the review's current scheme: its label, with the other
/// scheme's name when it came from one.
pub fn category_label(key: &str, current: CategoryScheme) -> String {
    match find_category(key) {
        Some((scheme, category)) if scheme == current => category.label.to_owned(),
        Some((scheme, category)) => format!("{} ({})", category.label, scheme.short_label()),
        None => key.to_owned(),
    }
}
