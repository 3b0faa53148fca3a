//! Reviews kept in the browser's IndexedDB, through `rexie`.
//!
//! Layout (schema version 4):
//!
//! | store       | key   | value                                                           |
//! |-------------|-------|-----------------------------------------------------------------|
//! | `reviews`   | `id`  | `{ id, revision, doc }`: `doc` is the core's review record JSON |
//! | `summaries` | `id`  | `{ id, doc }`: the core's summary record JSON, for the list      |
//! | `records`   | `key` | `{ key, doc }`: one content record (an event, an answer…); the  |
//! |             |       | key is `<review id>/<kind>/<record id>`                          |
//! | `settings`  | `key` | `{ key, value }`: app settings, including the layout version     |
//! | `restore_points` | `key` | `{ key, doc }`: a restore point's `PointInfo` JSON; the key |
//! |             |       | is `<review id>/<milliseconds>`                                  |
//! | `restore_point_files` | `key` | `{ key, doc }`: that point's review file (JSON)        |
//!
//! Version 1 had only `reviews`, without `revision`; version 2 added `summaries` and
//! `settings`; version 3 added `records`; version 4 the two restore point stores (a point's
//! description apart from its file, so listing and thinning never read the files). Opening upgrades the stores (IndexedDB's own upgrade,
//! done by rexie) and then the data, recorded by the `layout_version` setting so it runs once.
//!
//! A review's content is a record per item so that a save writes only what changed: typing an
//! answer in a review of 5,000 events writes that answer, not the whole review. Records are
//! JSON text rather than JavaScript objects: one string crosses from WebAssembly to the browser
//! instead of many small objects.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::LocalBoxFuture;
use futures::FutureExt;
use js_sys::{Object, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use sightline_core::content::load_record;
use sightline_core::content::RecordKind;
use sightline_core::record::{
    decode_review, decode_summary, encode_review, encode_summary, RecordError,
};
use sightline_core::restore_points::PointInfo;
use sightline_core::{RecordId, Review, ReviewContent, ReviewId, ReviewSummary};
use wasm_bindgen::JsValue;

/// The database the app uses.
pub const DATABASE_NAME: &str = "sightline";
/// How long opening the database may wait for other tabs before the person is told why.
/// Opening takes milliseconds unless another tab holds an older version open.
pub const OPEN_TIMEOUT_MS: i32 = 4_000;
/// The IndexedDB schema version this build creates and upgrades to.
pub const SCHEMA_VERSION: u32 = 4;

const REVIEWS: &str = "reviews";
const SUMMARIES: &str = "summaries";
const RECORDS: &str = "records";
const SETTINGS: &str = "settings";
const LAYOUT_VERSION_KEY: &str = "layout_version";
const POINTS: &str = "restore_points";
const POINT_FILES: &str = "restore_point_files";

/// Why something could not be read from or written to browser storage. Each message says what
/// happened and what to do next.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error(
        "This browser is not letting Sightline keep data (private browsing, or site data turned \
         off). Nothing can be saved here. Open Sightline in a normal window, or ask your IT \
         team to allow site data for this address."
    )]
    Unavailable,
    #[error(
        "The browser's storage for Sightline is full, so the last change was not saved. Delete \
         reviews you no longer need (export them first), then make the change again."
    )]
    QuotaExceeded,
    #[error(
        "Another Sightline tab or window is still using an older version of the app, which \
         stops this one opening its storage. Close the other Sightline tabs and windows, then \
         reload this page."
    )]
    Blocked,
    #[error(
        "Data in this browser was saved by a newer version of Sightline. Reload the page to \
         get the newest version."
    )]
    NewerVersion,
    #[error(
        "Sightline was updated or opened in another tab, which closed this tab's connection to \
         storage. Reload the page to carry on."
    )]
    ConnectionClosed,
    #[error(
        "This review was changed in another tab or window after you opened it, so this change \
         was not saved. Copy anything you typed, then reload the page to see the latest version."
    )]
    ChangedElsewhere,
    #[error(
        "This review was deleted in another tab or window, so this change was not saved. Copy \
         anything you typed that you want to keep."
    )]
    DeletedElsewhere,
    #[error(
        "The browser cancelled the save, which usually means its storage is full. Delete \
         reviews you no longer need (export them first), then make the change again."
    )]
    Cancelled,
    #[error("{0}")]
    Record(#[from] RecordError),
    #[error(
        "The browser's storage reported a problem ({0}). Try again; if it keeps happening, \
         reload the page."
    )]
    Other(String),
}

impl From<rexie::Error> for StorageError {
    fn from(error: rexie::Error) -> Self {
        // rexie and idb wrap the browser's DOMException in many variants; its name is in the
        // inner error's text, which is the one place every variant shows it. (rexie's own text
        // is only "idb error".)
        let text = match &error {
            rexie::Error::IdbError(inner) => inner.to_string(),
            other => other.to_string(),
        };
        if text.contains("QuotaExceededError") {
            StorageError::QuotaExceeded
        } else if text.contains("VersionError") {
            StorageError::NewerVersion
        } else if text.contains("InvalidStateError") && text.contains("clos") {
            StorageError::ConnectionClosed
        } else if text.contains("indexed db not found")
            || text.contains("SecurityError")
            || text.contains("InvalidStateError")
        {
            StorageError::Unavailable
        } else {
            StorageError::Other(text)
        }
    }
}

/// A review as read from storage, with the revision its record had.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredReview {
    pub review: Review,
    pub content: ReviewContent,
    /// Counts the saves of this review; a save must name the revision it replaces.
    pub revision: u64,
    /// Content records that could not be read; they are left in storage untouched.
    pub unreadable: Vec<UnreadableRecord>,
}

/// A change to one content record, already encoded by the core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordWrite {
    Put {
        kind: RecordKind,
        id: RecordId,
        doc: String,
    },
    Delete {
        kind: RecordKind,
        id: RecordId,
    },
}

/// The writes that store the records named in `changes`, encoded by the core: a record that
/// is no longer in `content` is deleted.
pub fn writes_for(
    content: &ReviewContent,
    changes: &[sightline_core::content::Change],
) -> Vec<RecordWrite> {
    use sightline_core::content::encode_from;
    use sightline_core::content::Change;
    changes
        .iter()
        .map(|change| match *change {
            Change::Put(kind, id) => match encode_from(content, kind, id) {
                Some(doc) => RecordWrite::Put { kind, id, doc },
                None => RecordWrite::Delete { kind, id },
            },
            Change::Removed(kind, id) => RecordWrite::Delete { kind, id },
        })
        .collect()
}

/// The writes that store every record of `content`.
pub fn all_writes(content: &ReviewContent) -> Vec<RecordWrite> {
    writes_for(content, &content.every_record())
}

/// A content record's key: `<review id>/<kind>/<record id>`.
fn record_key(review: ReviewId, kind: RecordKind, id: RecordId) -> String {
    format!("{review}/{}/{id}", kind.key())
}

/// The key range holding every content record of `review`.
fn review_records(review: ReviewId) -> Result<rexie::KeyRange, StorageError> {
    let prefix = format!("{review}/");
    // Every key of the review starts with the prefix and sorts below prefix + U+FFFF.
    rexie::KeyRange::bound(
        &JsValue::from_str(&prefix),
        &JsValue::from_str(&format!("{prefix}\u{ffff}")),
        None,
        None,
    )
    .map_err(|e| StorageError::Other(e.to_string()))
}

fn unsaved_key(review: ReviewId) -> String {
    format!("unsaved/{review}")
}

/// The restore points in `values`; one that cannot be read is left out (and kept in storage).
fn read_points(values: Vec<JsValue>) -> Vec<PointInfo> {
    values
        .iter()
        .filter_map(|v| field(v, "doc").as_string())
        .filter_map(|doc| serde_json::from_str::<PointInfo>(&doc).ok())
        .collect()
}

/// A summary that could not be read, kept so the list can say so instead of hiding it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableRecord {
    pub id: String,
    pub error: StorageError,
}

/// The reviews in this browser's IndexedDB.
pub struct ReviewStore {
    db: Rexie,
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        Reflect::set(&object, &JsValue::from_str(name), value)
            .expect("setting a field on a new plain object cannot fail");
    }
    object.into()
}

/// Waits for a transaction to end, and says so if the browser aborted it instead of committing.
async fn finish(tx: rexie::Transaction) -> Result<(), StorageError> {
    if tx.done().await?.is_committed() {
        Ok(())
    } else {
        Err(StorageError::Cancelled)
    }
}

fn key(id: ReviewId) -> JsValue {
    JsValue::from_str(&id.to_string())
}

impl ReviewStore {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StorageError> {
        Self::open_within(name, OPEN_TIMEOUT_MS).await
    }

    /// Opens the database, giving up with [`StorageError::Blocked`] after `timeout_ms` if
    /// another tab keeps an older version open (the browser then holds the upgrade back).
    pub async fn open_within(name: &str, timeout_ms: i32) -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        // Private windows in some browsers have no `indexedDB` at all.
        match window.indexed_db() {
            Ok(Some(_)) => {}
            _ => return Err(StorageError::Unavailable),
        }
        let opening = Rexie::builder(name)
            .version(SCHEMA_VERSION)
            .add_object_store(ObjectStore::new(REVIEWS).key_path("id"))
            .add_object_store(ObjectStore::new(SUMMARIES).key_path("id"))
            .add_object_store(ObjectStore::new(RECORDS).key_path("key"))
            .add_object_store(ObjectStore::new(SETTINGS).key_path("key"))
            .add_object_store(ObjectStore::new(POINTS).key_path("key"))
            .add_object_store(ObjectStore::new(POINT_FILES).key_path("key"))
            .build();
        let timer =
            wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _reject| {
                let _ = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, timeout_ms);
            }));
        let db = match futures::future::select(Box::pin(opening), timer).await {
            futures::future::Either::Left((opened, _)) => opened?,
            futures::future::Either::Right(_) => return Err(StorageError::Blocked),
        };
        let store = Self { db };
        store.upgrade_data().await?;
        Ok(store)
    }

    /// Brings the stored data up to this build's layout, once.
    async fn upgrade_data(&self) -> Result<(), StorageError> {
        let layout = self
            .get_setting(LAYOUT_VERSION_KEY)
            .await?
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(1);
        if layout >= SCHEMA_VERSION {
            return Ok(());
        }
        // One transaction, so a closed tab leaves either the old layout or the new one.
        let tx = self
            .db
            .transaction(&[REVIEWS, SUMMARIES, SETTINGS], TransactionMode::ReadWrite)?;
        let reviews = tx.store(REVIEWS)?;
        let summaries = tx.store(SUMMARIES)?;
        // Layout 1 → 2: build the list's summaries from the reviews. (Layout 2 → 3 only adds
        // the `records` store, which IndexedDB's upgrade has created empty.)
        let values = if layout < 2 {
            reviews.get_all(None, None).await?
        } else {
            Vec::new()
        };
        for value in values {
            let doc = field(&value, "doc").as_string().unwrap_or_default();
            // A damaged review keeps its record; the list reports it when it finds no summary.
            if let Ok(review) = decode_review(&doc) {
                let summary = encode_summary(&ReviewSummary::of(&review));
                summaries
                    .put(
                        &object(&[("id", key(review.id)), ("doc", summary.into())]),
                        None,
                    )
                    .await?;
            }
        }
        tx.store(SETTINGS)?
            .put(
                &object(&[
                    ("key", LAYOUT_VERSION_KEY.into()),
                    ("value", SCHEMA_VERSION.to_string().into()),
                ]),
                None,
            )
            .await?;
        finish(tx).await?;
        Ok(())
    }

    /// Closes the connection. Used by tests; the app keeps its connection for the page's life.
    pub fn close(self) {
        self.db.close();
    }

    /// Every review's summary, and the records that could not be read.
    pub async fn list_summaries(
        &self,
    ) -> Result<(Vec<ReviewSummary>, Vec<UnreadableRecord>), StorageError> {
        let tx = self
            .db
            .transaction(&[SUMMARIES], TransactionMode::ReadOnly)?;
        let values = tx.store(SUMMARIES)?.get_all(None, None).await?;
        finish(tx).await?;
        let mut summaries = Vec::with_capacity(values.len());
        let mut unreadable = Vec::new();
        for value in values {
            let id = field(&value, "id").as_string().unwrap_or_default();
            let doc = field(&value, "doc").as_string().unwrap_or_default();
            match decode_summary(&doc) {
                Ok(summary) => summaries.push(summary),
                Err(error) => unreadable.push(UnreadableRecord {
                    id,
                    error: error.into(),
                }),
            }
        }
        Ok((summaries, unreadable))
    }

    /// One review with its content, or `None` if there is no review with that id.
    pub async fn get(&self, id: ReviewId) -> Result<Option<StoredReview>, StorageError> {
        let tx = self
            .db
            .transaction(&[REVIEWS, RECORDS], TransactionMode::ReadOnly)?;
        let value = tx.store(REVIEWS)?.get(key(id)).await?;
        let records = tx
            .store(RECORDS)?
            .get_all(Some(review_records(id)?), None)
            .await?;
        finish(tx).await?;
        let Some(value) = value.filter(|v| !v.is_undefined()) else {
            return Ok(None);
        };
        let doc = field(&value, "doc").as_string().unwrap_or_default();
        let review = decode_review(&doc)?;
        // Records from layout 1 have no revision: count them as revision 0.
        let revision = field(&value, "revision").as_f64().unwrap_or(0.0) as u64;
        let mut content = ReviewContent::default();
        let mut unreadable = Vec::new();
        for record in records {
            let key = field(&record, "key").as_string().unwrap_or_default();
            let doc = field(&record, "doc").as_string().unwrap_or_default();
            let kind = key.split('/').nth(1).and_then(RecordKind::from_key);
            let loaded = match kind {
                Some(kind) => load_record(&mut content, kind, &doc).map_err(StorageError::from),
                None => Err(StorageError::Other(format!("unknown record key {key}"))),
            };
            if let Err(error) = loaded {
                unreadable.push(UnreadableRecord { id: key, error });
            }
        }
        Ok(Some(StoredReview {
            review,
            content,
            revision,
            unreadable,
        }))
    }

    /// Saves a review's details and summary, and the content records in `writes`, in one
    /// transaction, replacing the stored review only if it is still at `replaces_revision` (0
    /// for a review not stored before). Returns the new revision.
    ///
    /// The check stops two tabs editing one review from silently overwriting each other.
    pub async fn put(
        &self,
        review: &Review,
        open_action_dues: &[chrono::NaiveDate],
        replaces_revision: u64,
        writes: &[RecordWrite],
    ) -> Result<u64, StorageError> {
        self.write(review, open_action_dues, replaces_revision, writes, false)
            .await
    }

    /// `put`, optionally removing every stored record of the review first, in the same
    /// transaction, so that a crash leaves the old review or the new one, never neither.
    async fn write(
        &self,
        review: &Review,
        open_action_dues: &[chrono::NaiveDate],
        replaces_revision: u64,
        writes: &[RecordWrite],
        clear_records: bool,
    ) -> Result<u64, StorageError> {
        let tx = self
            .db
            .transaction(&[REVIEWS, SUMMARIES, RECORDS], TransactionMode::ReadWrite)?;
        let reviews = tx.store(REVIEWS)?;
        let summaries = tx.store(SUMMARIES)?;
        let records = tx.store(RECORDS)?;
        // Everything is sent at once, right after the read of the stored revision: requests in
        // one transaction run in order without waiting for each other, so the read sees the old
        // revision. If it turns out to be stale, aborting the transaction undoes every write.
        let revision = replaces_revision + 1;
        let header = object(&[
            ("id", key(review.id)),
            ("revision", JsValue::from_f64(revision as f64)),
            ("doc", encode_review(review).into()),
        ]);
        let summary = object(&[
            ("id", key(review.id)),
            (
                "doc",
                encode_summary(
                    &ReviewSummary::of(review).with_action_dues(open_action_dues.to_vec()),
                )
                .into(),
            ),
        ]);
        let record_values: Vec<(Option<JsValue>, JsValue)> = writes
            .iter()
            .map(|write| match write {
                RecordWrite::Put { kind, id, doc } => (
                    Some(object(&[
                        ("key", record_key(review.id, *kind, *id).into()),
                        ("doc", doc.as_str().into()),
                    ])),
                    JsValue::NULL,
                ),
                RecordWrite::Delete { kind, id } => {
                    (None, JsValue::from_str(&record_key(review.id, *kind, *id)))
                }
            })
            .collect();
        let mut sends: Vec<LocalBoxFuture<'_, rexie::Result<()>>> =
            Vec::with_capacity(writes.len() + 3);
        // Requests in one transaction run in the order sent: the old records go before the new.
        if clear_records {
            sends.push(Box::pin(records.delete(review_records(review.id)?.into())));
        }
        sends.push(Box::pin(reviews.put(&header, None).map(|r| r.map(drop))));
        sends.push(Box::pin(summaries.put(&summary, None).map(|r| r.map(drop))));
        for (value, delete_key) in &record_values {
            match value {
                Some(value) => sends.push(Box::pin(records.put(value, None).map(|r| r.map(drop)))),
                None => sends.push(Box::pin(records.delete(delete_key.clone()))),
            }
        }
        let (current, sent) = futures::future::join(
            reviews.get(key(review.id)),
            futures::future::try_join_all(sends),
        )
        .await;
        let current = current?
            .filter(|v| !v.is_undefined())
            .map(|v| field(&v, "revision").as_f64().unwrap_or(0.0) as u64);
        sent?;
        match current {
            Some(stored) if stored != replaces_revision => {
                tx.abort().await?;
                return Err(StorageError::ChangedElsewhere);
            }
            None if replaces_revision != 0 => {
                tx.abort().await?;
                return Err(StorageError::DeletedElsewhere);
            }
            _ => {}
        }
        finish(tx).await?;
        // Other tabs with this review open bring the change in (see features/review/session.rs).
        super::broadcast::announce(&super::broadcast::Saved {
            review: review.id,
            revision,
        });
        Ok(revision)
    }

    /// The stored revision of a review, or `None` if it is not here.
    pub async fn revision(&self, id: ReviewId) -> Result<Option<u64>, StorageError> {
        let tx = self.db.transaction(&[REVIEWS], TransactionMode::ReadOnly)?;
        let value = tx.store(REVIEWS)?.get(key(id)).await?;
        finish(tx).await?;
        Ok(value
            .filter(|v| !v.is_undefined())
            .map(|v| field(&v, "revision").as_f64().unwrap_or(0.0) as u64))
    }

    /// Replaces a stored review, whatever its revision, with `review` and exactly `content`:
    /// its old records go, in the same transaction. Tabs that had it open find their next save
    /// refused, because the revision moves on. The identifier watchlist here is kept when
    /// `content` has none: files never carry one, so replacing from a file must not lose it.
    pub async fn replace(
        &self,
        review: &Review,
        content: &ReviewContent,
    ) -> Result<u64, StorageError> {
        let mut content = content.clone();
        if content.watchlists.is_empty() {
            if let Some(stored) = self.get(review.id).await? {
                content.watchlists = stored.content.watchlists;
            }
        }
        let content = &content;
        let current = self.revision(review.id).await?.unwrap_or(0);
        self.write(
            review,
            &sightline_core::content::actions::open_action_dues(content),
            current,
            &all_writes(content),
            true,
        )
        .await
    }

    /// Deletes a review, its summary and all its content. Deleting a review that is not there
    /// is not an error.
    pub async fn delete(&self, id: ReviewId) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[REVIEWS, SUMMARIES, RECORDS], TransactionMode::ReadWrite)?;
        tx.store(REVIEWS)?.delete(key(id)).await?;
        tx.store(SUMMARIES)?.delete(key(id)).await?;
        tx.store(RECORDS)?
            .delete(review_records(id)?.into())
            .await?;
        finish(tx).await?;
        Ok(())
    }

    /// An app setting, if set.
    pub async fn get_setting(&self, name: &str) -> Result<Option<String>, StorageError> {
        let tx = self
            .db
            .transaction(&[SETTINGS], TransactionMode::ReadOnly)?;
        let value = tx.store(SETTINGS)?.get(JsValue::from_str(name)).await?;
        finish(tx).await?;
        Ok(value.and_then(|v| field(&v, "value").as_string()))
    }

    /// Every setting whose name starts with `prefix`, as (name, value).
    pub async fn settings_with_prefix(
        &self,
        prefix: &str,
    ) -> Result<Vec<(String, String)>, StorageError> {
        let tx = self
            .db
            .transaction(&[SETTINGS], TransactionMode::ReadOnly)?;
        let values = tx.store(SETTINGS)?.get_all(None, None).await?;
        finish(tx).await?;
        Ok(values
            .into_iter()
            .filter_map(|v| {
                Some((
                    field(&v, "key").as_string()?,
                    field(&v, "value").as_string()?,
                ))
            })
            .filter(|(name, _)| name.starts_with(prefix))
            .collect())
    }

    /// Removes an app setting.
    pub async fn delete_setting(&self, name: &str) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[SETTINGS], TransactionMode::ReadWrite)?;
        tx.store(SETTINGS)?.delete(JsValue::from_str(name)).await?;
        finish(tx).await?;
        Ok(())
    }

    /// Stores a restore point and its review file, then deletes the points `thin` chooses
    /// from all of them (the core's `restore_points::to_thin`), in one transaction.
    pub async fn add_restore_point(
        &self,
        info: &PointInfo,
        file: &str,
        thin: impl FnOnce(&[PointInfo]) -> Vec<String>,
    ) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[POINTS, POINT_FILES], TransactionMode::ReadWrite)?;
        let points = tx.store(POINTS)?;
        let files = tx.store(POINT_FILES)?;
        let doc = serde_json::to_string(info).map_err(|e| StorageError::Other(e.to_string()))?;
        points
            .put(
                &object(&[("key", info.key.as_str().into()), ("doc", doc.into())]),
                None,
            )
            .await?;
        files
            .put(
                &object(&[("key", info.key.as_str().into()), ("doc", file.into())]),
                None,
            )
            .await?;
        let all = read_points(points.get_all(None, None).await?);
        for key in thin(&all) {
            points.delete(JsValue::from_str(&key)).await?;
            files.delete(JsValue::from_str(&key)).await?;
        }
        finish(tx).await?;
        Ok(())
    }

    /// The restore points of `review` (all reviews when `None`), oldest first.
    pub async fn restore_points(
        &self,
        review: Option<ReviewId>,
    ) -> Result<Vec<PointInfo>, StorageError> {
        let tx = self.db.transaction(&[POINTS], TransactionMode::ReadOnly)?;
        let range = review.map(review_records).transpose()?;
        let values = tx.store(POINTS)?.get_all(range, None).await?;
        finish(tx).await?;
        let mut points = read_points(values);
        points.sort_by_key(|p| (p.at, p.key.clone()));
        Ok(points)
    }

    /// A restore point's review file.
    pub async fn restore_point_file(&self, key: &str) -> Result<Option<String>, StorageError> {
        let tx = self
            .db
            .transaction(&[POINT_FILES], TransactionMode::ReadOnly)?;
        let value = tx.store(POINT_FILES)?.get(JsValue::from_str(key)).await?;
        finish(tx).await?;
        Ok(value
            .filter(|v| !v.is_undefined())
            .and_then(|v| field(&v, "doc").as_string()))
    }

    /// Notes that `review` has changes not yet stored, as of `at`: in IndexedDB, which a
    /// crash does not lose once written (localStorage writes can wait seconds to reach disk).
    pub async fn mark_unsaved(&self, review: ReviewId, at: chrono::DateTime<chrono::Utc>) {
        let _ = self
            .put_setting(&unsaved_key(review), &at.to_rfc3339())
            .await;
    }

    /// Notes that everything of `review` is stored.
    pub async fn clear_unsaved(&self, review: ReviewId) {
        let _ = self.delete_setting(&unsaved_key(review)).await;
    }

    /// When `review` last had changes that were never stored (the page closed or crashed
    /// first), taken once.
    pub async fn take_unsaved(&self, review: ReviewId) -> Option<chrono::DateTime<chrono::Utc>> {
        let text = self.get_setting(&unsaved_key(review)).await.ok().flatten();
        self.clear_unsaved(review).await;
        text.and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&chrono::Utc))
    }

    /// Sets an app setting.
    pub async fn put_setting(&self, name: &str, value: &str) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[SETTINGS], TransactionMode::ReadWrite)?;
        tx.store(SETTINGS)?
            .put(
                &object(&[("key", name.into()), ("value", value.into())]),
                None,
            )
            .await?;
        finish(tx).await?;
        Ok(())
    }
}

thread_local! {
    static SHARED: RefCell<Option<Rc<ReviewStore>>> = const { RefCell::new(None) };
}

/// The app's store, opened on first use and kept for the life of the page.
pub async fn shared() -> Result<Rc<ReviewStore>, StorageError> {
    if let Some(store) = SHARED.with(|shared| shared.borrow().clone()) {
        return Ok(store);
    }
    let store = Rc::new(ReviewStore::open(DATABASE_NAME).await?);
    // Two callers may have opened it at once; keep the first and let the other connection go.
    Ok(SHARED.with(|shared| shared.borrow_mut().get_or_insert(store).clone()))
}
