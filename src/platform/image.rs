//! Drawing an SVG image onto a canvas to save it as PNG, with the browser's own renderer.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why an image could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("The picture could not be drawn ({0}). Try the SVG image instead, which any browser or word processor can open.")]
    NotDrawn(String),
}

fn fail(error: JsValue) -> ImageError {
    ImageError::NotDrawn(
        error
            .as_string()
            .or_else(|| {
                error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| format!("{error:?}")),
    )
}

/// The largest side of a PNG drawn here, in pixels: browsers refuse bigger canvases.
pub const MAX_PNG_SIDE: f64 = 8_000.0;

/// The scale that draws a `width` × `height` picture sharply (2 pixels per unit) but with no
/// side over [`MAX_PNG_SIDE`].
pub fn fitting_scale(width: u32, height: u32) -> f64 {
    (MAX_PNG_SIDE / f64::from(width.max(height).max(1))).min(2.0)
}

/// Renders `svg` (a whole SVG document `width` × `height` units) as PNG bytes, `scale` device
/// pixels per unit, on a white background.
pub async fn svg_to_png(
    svg: &str,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<Vec<u8>, ImageError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| ImageError::NotDrawn("no document".into()))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let image = web_sys::HtmlImageElement::new().map_err(fail)?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(fail)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(fail)?
        .unchecked_into();
    let pixel_width = (width as f64 * scale).round().max(1.0) as u32;
    let pixel_height = (height as f64 * scale).round().max(1.0) as u32;
    canvas.set_width(pixel_width);
    canvas.set_height(pixel_height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(fail)?
        .ok_or_else(|| ImageError::NotDrawn("no 2D drawing in this browser".into()))?
        .unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, pixel_width as f64, pixel_height as f64);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            pixel_width as f64,
            pixel_height as f64,
        )
        .map_err(fail)?;
    // toBlob takes a callback; wrap it in a promise.
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let refuse = reject.clone();
        let callback = Closure::once_into_js(move |blob: JsValue| {
            if blob.is_null() {
                let _ = refuse.call1(
                    &JsValue::NULL,
                    &JsValue::from_str("the picture is too large"),
                );
            } else {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            }
        });
        if let Err(error) = canvas.to_blob_with_type(callback.unchecked_ref(), "image/png") {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    });
    let blob: web_sys::Blob = JsFuture::from(promise)
        .await
        .map_err(fail)?
        .unchecked_into();
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(fail)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
