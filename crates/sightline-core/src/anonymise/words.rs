//! Words that are not names: the check does not flag these when they start with a capital.
//! Common English words (most sentences start with one), the words of roles, relationships,
//! agencies and services that a briefing uses, and the calendar.

/// Lower-case, separated by whitespace.
pub const COMMON_WORDS: &str = "
a about above across act action actions actually add added after again against age ago agree all allow almost alone along already also although always am among an and another any anyone anything are area areas around as ask asked at available away
back bad based be became because become been before began behind being believe below best better between big both bring brought but by
call called came can cannot care carer carers case cases certain change changed changes check checked child children clear close come concern concerns consider could course current
day days decide decided decision did different difficult do does doing done down during
each early either else end enough even ever every everyone everything evidence example
face fact family far feel felt few find finding findings first follow following for found from full further
gave get getting give given go going good got great group
had half happen happened happens hard has have having he health help helped her here high him his home how however
i if important in including information instead into is issue issues it its itself
just
keep kept key kind knew know knowledge known
large last later learn learned learning least left less let level life like likely little long look looked looking lot low
made make making many may me mean meant meet meeting meetings might more most much must my
need needed needs never new next no none nor not nothing now number
of off often old on once one only open or other others our out over own
part people period person place plan planned point possible practice present probably problem problems process put
question questions quite
rather really reason record records referral referrals report reports review reviews right risk risks role
said same saw say school see seemed seen sense set several shall share shared she should show shown since so some someone something sometimes soon still such support sure system systems
take taken talk team teams tell than that the their them then there these they thing things think this those though thought through time times to today together told too took toward towards two
under understand understanding until up upon us use used using usual
very view views
want was way ways we week weeks well went were what when where whether which while who whole whom whose why will with within without work worked worker workers working would
year years yes yet you your
across although because before meanwhile nevertheless overall perhaps therefore thus despite instead finally initially later subsequently firstly secondly thirdly lastly also again however
whilst throughout alongside according regarding following
above below between beyond inside outside behind beside besides near nearby
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
spring summer autumn winter christmas easter
mother father mum dad parent parents grandmother grandfather gran granny grandad grandparent grandparents sister brother sibling siblings aunt uncle cousin stepfather stepmother partner husband wife son daughter baby infant toddler teenager young person carer kinship foster carers
child adult subject family families household neighbour neighbours friend friends
health visitor visitors social worker workers nurse nurses midwife midwives doctor doctors gp gps consultant paediatrician psychiatrist psychologist therapist teacher teachers headteacher head deputy guidance pupil pupils support assistant officer officers police constable sergeant inspector detective manager managers lead leader senior chief service services practitioner practitioners professional professionals staff agency agencies team teams unit department board partnership council authority authorities
nhs hscp scra sw cpc apc cog copfs fai kpe kpes sro cp asp ipa irc crb gp ae
scotland scottish uk britain british national local government minister ministers parliament inspectorate care commission committee committees reporter reporters children's hearing hearings sheriff court courts procurator fiscal crown office
education housing hospital hospitals ward clinic surgery practice primary secondary nursery school schools college university emergency department accident ambulance fire rescue mental addiction addictions drug alcohol recovery justice criminal probation prison youth
learning review reviews together systems factor factors pattern patterns episode episodes chronology reflection reflections briefing briefings action actions finding findings recommendation recommendations outcome outcomes protective effective improvement practice interagency inter multi multiagency
background why what worked needs matters questions made sense time found well change changes team return how used this
child's adult's mother's father's family's
note notes visit visits visited call calls called meeting meetings plan plans planning assessment assessments referral referrals concern concerns risk risks
first second third fourth fifth sixth seventh eighth ninth tenth one two three four five six seven eight nine ten eleven twelve
mr mrs ms miss dr
core group groups conference conferences case strategy discussion discussions initial referral register registration looked after accommodated accommodation order orders supervision compulsory hearing plan planning transition transitions chronologies
live lives lived living move moves moved moving attend attends attended attending visit visiting call calling phone phoned contact contacted contacting speak spoke spoken speaking meet met tell telling ask asking refer referred referring share sharing record recorded recording note noted noting raise raised raising escalate escalated escalating assess assessed assessing discuss discussed discussing agree agreed agreeing close closed closing open opened opening report reported reporting miss missed missing arrive arrived arriving leave leaving return returned returning stay stayed staying start started starting stop stopped stopping continue continued continuing happen happening include included includes seem seems feel feeling appear appeared appears remain remained remains begin begins become becomes concerned worried worry worries unwell ill injured injury injuries bruise bruising neglect neglected abuse abused harm harmed safe safety unsafe wellbeing welfare
after before during while until since when once then there here now later earlier soon today yesterday tomorrow tonight morning afternoon evening night weekend
not no none nobody nothing neither never each every either both all some several many few more most less least much
email emails emailed text texts texted letter letters wrote written message messages phoned telephone mobile online address
protection protecting protect protected safeguarding safeguard public protective adult adults vulnerable risk harm getting right girfec named person lead lead officer chair convener independent reviewer reviewers panel scoping significant serious case learning event events practitioners managers frontline
audit audits audited publish published agree develop developed introduce introduced ensure establish provide provided deliver delivered improve improved create update updated revise revised embed embedded promote monitor monitored evaluate evaluated implement implemented strengthen strengthened offer offered arrange arranged review reviewed set prepare prepared design designed launch launched use make give keep build test
aged age ages vacancy vacancies staffing recruitment turnover pressure pressures demand sickness absence leave cover covering rota shift shifts budget budgets funding resources generated example sample draft
room house flat home car bus train street road town city village area shop church office building ward bed door
yes ok okay please thank thanks sorry
it's that's there's he's she's they're we're i'm don't didn't doesn't wasn't weren't couldn't wouldn't shouldn't can't won't isn't aren't hasn't haven't hadn't
information advice guidance training policy policies procedure procedures protocol protocols guidelines standard standards system tools tool resource resources capacity caseload caseloads workload workloads
strengths strength worries worry curiosity professional challenge challenged challenging escalation
it its this these those such what which who whom whose how why where when
young older old new small big large main other same different certain particular general specific whole
able absent access accessed accepted account accurate acted acting active added additional address addressed adequate agreed alert alerted allowed already alternative anxious anxiety apparent appeared appropriate appropriately approach approaches arranged aware awareness
balance barriers basis became behaviour behaviours believed benefit best broader busy
capture carefully caring cause caused causes central chance changing clearer clearly closely common communicate communicated communication complex concerned conclusion confidence confident confirmed consistent consistently context continued continuity coordinated coordination correct
daily danger dangers deal decisions delay delayed delays despite detail detailed details difficulty directly disability disabled discharge discharged disclosed disclosure distress documented doubt
easier easily effect effectively effort efforts emotional engage engaged engagement enough entered environment especially everyday evident exactly examples expected experience experienced explain explained
failed fair fairly fell focus focused following formal frequent frequently further future
gap gaps generally given goes good gradually grew growing
handover hard helpful high highlighted hindsight history
ideas identified identify immediate immediately impact important improved improving incident incidents increase increased independently individual informal initially insight instance intervention involved involvement isolated
job joint jointly judgement
knowing
lack lacked language largely later lessons likely limited listen listened listening little long longer look
main mainly making meaning measures mind mixed moment months
nature necessary neither normal notice noticed
obvious occasions offered often ongoing only opportunity opportunities options others otherwise
particularly partly past pathway people's perhaps persistent personal picture plain planned poor positive possible potential poverty prevent previous previously prior priority process progress prompt properly proportionate quality quickly
rarely ready reasons received recent recently recognised recognise reduce reflected reflecting regular regularly relationship relationships relevant reliable repeated reported required response responses responsibility responsible result results right role roles routine routinely
safely scale seen seeing sense separate serious shared short significant similar simple single situation situations skills slow sometimes sources specialist stable steps still stress stressful strong structure struggled successful sudden sufficient suggested supported supportive sure
tasks taking thinking throughout timely together tried trust trusted turn type types
unclear understood unless unusual urgent useful usually
value valued various view voice voices
waiting warning ways weekly went whether wider wish wishes within without words worked working world worse written wrong
year's younger
post posted reflect consider discuss think explore talk notice escalate identify remember agreeing asked
";

/// Words of professional roles, lower-case: a role label made of them ("Class Teacher 1",
/// "Family Support Worker 2") is not a name, whether or not it is in the register yet.
pub const ROLE_WORDS: &str = "
teacher teachers headteacher depute deputy principal class pupil guidance learning key link duty locum community district charge ward
specialist clinical student named support youth welfare attendance inclusion additional needs hub outreach liaison domestic advocacy
advocate benefits substance misuse paramedic receptionist administrator coordinator co-ordinator caseworker keyworker befriender volunteer
chaplain interpreter translator solicitor sheriff reporter panel member chair convener minute taker sergeant constable inspector detective
officer custody control operator handler dispatcher nurse health visitor midwife paediatrician registrar consultant psychiatrist
psychologist therapist occupational speech physiotherapist dietitian pharmacist dentist optometrist surgeon anaesthetist obstetrician
neonatal clinician doctor gp social worker manager team leader lead senior principal service assistant practitioner care carer foster
kinship residential unit house parent parents family link early years childminder nursery school college health-visitor
";

/// Days of the week as people write them short or in the plural, lower-case.
pub const DAY_WORDS: &str = "
mon tue tues wed weds thu thur thurs fri sat sun mondays tuesdays wednesdays thursdays fridays saturdays sundays weekday weekdays weekends
jan feb mar apr jun jul aug sep sept oct nov dec
";

/// Nationalities, languages, faiths and broad groups, lower-case: capitalised in English but
/// not names (the guidance asks for broad terms; a person decides whether to keep them).
pub const GROUP_WORDS: &str = "
english scots welsh irish northern european african asian caribbean american australian canadian polish romanian lithuanian latvian
estonian bulgarian hungarian slovak slovakian czech ukrainian russian belarusian syrian afghan iraqi iranian kurdish eritrean sudanese
somali ethiopian nigerian ghanaian kenyan zimbabwean indian pakistani bangladeshi sri lankan chinese mandarin cantonese vietnamese
filipino thai japanese korean arabic urdu punjabi hindi bengali tamil gujarati farsi persian pashto dari tigrinya amharic french
german spanish portuguese italian turkish greek albanian gaelic bsl makaton muslim christian catholic protestant jewish sikh hindu
buddhist gypsy traveller travellers roma romany
";

/// Bodies, frameworks and guidance a briefing names that are no one's name, written as
/// people write them; matched as whole phrases (any case, accents and apostrophes aside).
pub const KNOWN_PHRASES: &[&str] = &[
    "Care Inspectorate",
    "Police Scotland",
    "Crown Office",
    "Crown Office and Procurator Fiscal Service",
    "Procurator Fiscal",
    "Scottish Government",
    "Scottish Children's Reporter Administration",
    "Children's Reporter",
    "Children's Hearings Scotland",
    "Children's Hearing",
    "Social Work Scotland",
    "Public Protection Committee",
    "Child Protection Committee",
    "Adult Protection Committee",
    "Chief Officers Group",
    "Critical Services Oversight Group",
    "National Guidance",
    "National Guidance for Child Protection in Scotland",
    "Adult Support and Protection",
    "Learning Review",
    "Learning Reviews",
    "Learning Together",
    "Signs of Safety",
    "Scottish Child Interview Model",
    "Family Liaison Strategy",
    "Getting It Right For Every Child",
    "Safe and Together",
    "Gibbs",
    "Gibbs' reflective cycle",
    "Driscoll",
    "Driscoll's model",
    "Appreciative Inquiry",
    "Bairns' Hoose",
    "Barnahus",
    "Fatal Accident Inquiry",
    "Social Care Institute for Excellence",
    "Systems Engineering Initiative for Patient Safety",
    "Multi-Agency Risk Assessment Conference",
    "Multi Agency Public Protection Arrangements",
    "Interagency Referral Discussion",
    "Child Protection Case Conference",
    "Child Protection Register",
    "Team Around the Child",
    "Named Person",
    "Lead Professional",
    "Health Visiting Pathway",
    "Universal Health Visiting Pathway",
    "Scottish Social Services Council",
    "Mental Welfare Commission",
    "Public Health Scotland",
    "Healthcare Improvement Scotland",
    "Education Scotland",
    "Action Plan",
    "Good Practice",
    "Key Practice Episode",
    "Key Practice Episodes",
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_is_lower_case() {
        for word in [
            super::COMMON_WORDS,
            super::ROLE_WORDS,
            super::DAY_WORDS,
            super::GROUP_WORDS,
        ]
        .iter()
        .flat_map(|list| list.split_whitespace())
        {
            assert_eq!(word, word.to_lowercase(), "{word}");
        }
    }
}
