//! Walking the links a record holds.

use super::RecordKind;
use crate::ids::RecordId;

/// What a link is, and so what happens to it when the record it points at is not there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkRule {
    /// A link that may be empty: it is emptied.
    Optional,
    /// One of a list of links: it leaves the list.
    InList,
    /// The record cannot be without it: the record goes too (an answer without its reflection,
    /// a map link without one of its nodes).
    Required,
    /// It may point at a built-in record that is never stored (a framework): it is left as it
    /// is, and the reader of the link decides what a missing one means.
    BuiltIn,
    /// It points at a part of another record (a framework's question, a reflection's
    /// participant); the link to that record decides.
    Part,
}

/// One link, as a walk over links sees it. The walk may change `id` (to renumber).
#[derive(Debug)]
pub struct Link<'a> {
    /// The kind of record pointed at (for a part, the kind of record it is a part of).
    pub to: RecordKind,
    pub rule: LinkRule,
    pub id: &'a mut RecordId,
}

/// A walk over one record's links: each link is shown to `visit`, which answers whether the
/// record pointed at is there. A link whose record is not there is dropped by its rule.
pub struct Links<'a> {
    visit: &'a mut dyn FnMut(Link<'_>) -> bool,
    changed: bool,
    orphaned: bool,
}

impl<'a> Links<'a> {
    /// A walk that asks `visit` about each link.
    pub fn new(visit: &'a mut dyn FnMut(Link<'_>) -> bool) -> Self {
        Self {
            visit,
            changed: false,
            orphaned: false,
        }
    }

    /// Whether the walk changed or dropped a link.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Whether a [`LinkRule::Required`] link's record is not there, so this record must go.
    pub fn orphaned(&self) -> bool {
        self.orphaned
    }

    fn see(&mut self, to: RecordKind, rule: LinkRule, id: &mut RecordId) -> bool {
        let before = *id;
        let there = (self.visit)(Link { to, rule, id });
        if *id != before {
            self.changed = true;
        }
        there
    }

    /// A link that may be empty.
    pub fn optional(&mut self, to: RecordKind, id: &mut Option<RecordId>) {
        if let Some(target) = id {
            if !self.see(to, LinkRule::Optional, target) {
                *id = None;
                self.changed = true;
            }
        }
    }

    /// A list of links to one kind.
    pub fn list(&mut self, to: RecordKind, ids: &mut Vec<RecordId>) {
        self.list_by(ids, |id| (to, id));
    }

    /// A list whose entries each link to a record of the kind the entry names.
    pub fn list_by<E>(
        &mut self,
        entries: &mut Vec<E>,
        link: impl Fn(&mut E) -> (RecordKind, &mut RecordId),
    ) {
        let before = entries.len();
        entries.retain_mut(|entry| {
            let (to, id) = link(entry);
            self.see(to, LinkRule::InList, id)
        });
        if entries.len() != before {
            self.changed = true;
        }
    }

    /// A link the record cannot be without.
    pub fn required(&mut self, to: RecordKind, id: &mut RecordId) {
        if !self.see(to, LinkRule::Required, id) {
            self.orphaned = true;
        }
    }

    /// A link that may point at a built-in record.
    pub fn built_in(&mut self, to: RecordKind, id: &mut RecordId) {
        self.see(to, LinkRule::BuiltIn, id);
    }

    /// An optional link that may point at a built-in record.
    pub fn built_in_optional(&mut self, to: RecordKind, id: &mut Option<RecordId>) {
        if let Some(target) = id {
            self.see(to, LinkRule::BuiltIn, target);
        }
    }

    /// A link to a part of a record of kind `of`.
    pub fn part(&mut self, of: RecordKind, id: &mut RecordId) {
        self.see(of, LinkRule::Part, id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> RecordId {
        RecordId::from_random_bytes([n; 16])
    }

    #[test]
    fn a_missing_record_empties_an_optional_link_leaves_a_list_and_orphans_a_required_one() {
        let gone = id(1);
        let mut visit = |link: Link<'_>| *link.id != gone;
        let mut links = Links::new(&mut visit);
        let mut optional = Some(gone);
        let mut list = vec![id(2), gone, id(3)];
        let mut built_in = gone;
        links.optional(RecordKind::Agency, &mut optional);
        links.list(RecordKind::Event, &mut list);
        links.built_in(RecordKind::Template, &mut built_in);
        assert!(links.changed() && !links.orphaned());
        let mut required = gone;
        links.required(RecordKind::Reflection, &mut required);
        assert!(links.orphaned());
        assert_eq!((optional, list, built_in), (None, vec![id(2), id(3)], gone));
    }

    #[test]
    fn a_walk_that_keeps_every_link_changes_nothing() {
        let mut visit = |_: Link<'_>| true;
        let mut links = Links::new(&mut visit);
        let mut optional = Some(id(1));
        let mut list = vec![id(2)];
        links.optional(RecordKind::Agency, &mut optional);
        links.list(RecordKind::Event, &mut list);
        assert!(!links.changed());
        assert_eq!((optional, list), (Some(id(1)), vec![id(2)]));
    }
}
