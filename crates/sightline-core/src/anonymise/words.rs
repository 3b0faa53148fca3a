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
";

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_is_lower_case() {
        for word in super::COMMON_WORDS.split_whitespace() {
            assert_eq!(word, word.to_lowercase(), "{word}");
        }
    }
}
