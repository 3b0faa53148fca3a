//! The online briefing: a self-contained slide deck, one section per slide, moved through with
//! the arrow keys, Page Up and Down, Home and End, or the Previous and Next buttons. Its only
//! script is its own navigation, allowed by hash in the file's own CSP; without script every
//! slide shows, one after another.

use super::html::deck_page;
use super::{approval_line, user_text};
use crate::content::briefing::{blocks, Block};
use crate::content::Briefing;

const DECK_CSS: &str = "
body { margin: 0; font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; background: #f3f2f1; }
.slide { box-sizing: border-box; min-height: 100vh; padding: 6vh 8vw 12vh; background: #ffffff; border-bottom: 4px solid #1d70b8; font-size: 1.5rem; line-height: 1.45; }
.slide:focus { outline: 4px solid #ffdd00; outline-offset: -4px; }
.slide[hidden] { display: none; }
.slide h1 { font-size: 2.8rem; margin: 0 0 1rem; }
.slide h2 { font-size: 2.2rem; margin: 0 0 1.2rem; display: flex; gap: 1rem; align-items: baseline; }
.slide__number { display: inline-block; min-width: 3rem; text-align: center; background: #1d70b8; color: #ffffff; border-radius: 0.3rem; }
.slide__kicker { font-weight: 700; color: #484949; margin: 0; }
.deck__nav { display: none; position: fixed; bottom: 0; left: 0; right: 0; padding: 0.8rem 2rem; background: #0b0c0c; color: #ffffff; align-items: center; justify-content: space-between; font-size: 1.2rem; }
.js .deck__nav { display: flex; }
.deck__nav button { font: inherit; padding: 0.4rem 1.2rem; border: 2px solid #ffffff; background: #1d70b8; color: #ffffff; cursor: pointer; }
.deck__nav button:focus { outline: 3px solid #ffdd00; }
.deck__nav button:disabled { opacity: 0.5; cursor: default; }
@media print { .slide { min-height: 0; break-after: page; } .slide[hidden] { display: block; } .deck__nav { display: none !important; } }
";

/// The deck's navigation. Kept as one constant so its hash in the CSP always matches.
const DECK_SCRIPT: &str = "(function(){var d=document,s=d.querySelectorAll('.slide'),i=0,w=d.getElementById('deck-where'),p=d.getElementById('deck-prev'),n=d.getElementById('deck-next');d.documentElement.className='js';function show(k,f){i=Math.max(0,Math.min(s.length-1,k));for(var j=0;j<s.length;j++){s[j].hidden=j!==i;}w.textContent='Slide '+(i+1)+' of '+s.length;p.disabled=i===0;n.disabled=i===s.length-1;if(f){s[i].focus();}}p.addEventListener('click',function(){show(i-1,false);});n.addEventListener('click',function(){show(i+1,false);});d.addEventListener('keydown',function(e){if(e.altKey||e.ctrlKey||e.metaKey){return;}var k=e.key;if(k==='ArrowRight'||k==='PageDown'||(k===' '&&e.target.tagName!=='BUTTON')){e.preventDefault();show(i+1,true);}else if(k==='ArrowLeft'||k==='PageUp'){e.preventDefault();show(i-1,true);}else if(k==='Home'){e.preventDefault();show(0,true);}else if(k==='End'){e.preventDefault();show(s.length-1,true);}});var m=/^#slide-([0-9]+)$/.exec(location.hash);show(m?parseInt(m[1],10)-1:0,false);})();";

/// The briefing as a slide deck: a title slide, then one slide per section.
pub fn briefing_slides(briefing: &Briefing) -> String {
    let total = briefing.sections.len() + 1;
    let mut body = String::from("<main>\n");
    body.push_str(&format!(
        "<section class=\"slide\" id=\"slide-1\" tabindex=\"-1\" aria-label=\"Slide 1 of {total}\">\n<p class=\"slide__kicker\">7-minute briefing</p>\n<h1>{}</h1>\n",
        user_text(&briefing.title)
    ));
    if !briefing.audience.trim().is_empty() {
        body.push_str(&format!(
            "<p>For: {}</p>\n",
            user_text(briefing.audience.trim())
        ));
    }
    let approval = approval_line(briefing);
    if !approval.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", user_text(&approval)));
    }
    body.push_str(
        "<p>Use the arrow keys or the buttons below to move between slides.</p>\n</section>\n",
    );
    for (n, section) in briefing.sections.iter().enumerate() {
        body.push_str(&format!(
            "<section class=\"slide\" id=\"slide-{}\" tabindex=\"-1\" aria-label=\"Slide {} of {total}\">\n<h2><span class=\"slide__number\">{}</span> <span>{}</span></h2>\n",
            n + 2,
            n + 2,
            n + 1,
            user_text(&section.heading)
        ));
        for block in blocks(&section.body) {
            match block {
                Block::Paragraph(text) => body.push_str(&format!("<p>{}</p>\n", user_text(&text))),
                Block::List(items) => {
                    body.push_str("<ul>\n");
                    for item in items {
                        body.push_str(&format!("<li>{}</li>\n", user_text(&item)));
                    }
                    body.push_str("</ul>\n");
                }
            }
        }
        body.push_str("</section>\n");
    }
    body.push_str("</main>\n<nav class=\"deck__nav\" aria-label=\"Slides\">\n<button type=\"button\" id=\"deck-prev\">Previous</button>\n<span id=\"deck-where\" aria-live=\"polite\"></span>\n<button type=\"button\" id=\"deck-next\">Next</button>\n</nav>");
    deck_page(&briefing.title, DECK_CSS, &body, DECK_SCRIPT)
}
