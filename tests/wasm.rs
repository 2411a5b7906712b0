//! The JavaScript binding, run in Node: engines built from plain JS objects, assessments that
//! come back as plain objects, and bad input that throws a JS `Error` carrying its path.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use waymark::JsEngine;

const RULESET: &str = include_str!("rulesets/language.json");
const PROFILE: &str = include_str!("rulesets/language-profile.json");

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("valid JSON")
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| match key.parse::<u32>() {
        Ok(i) => Array::from(&v).get(i),
        Err(_) => Reflect::get(&v, &key.into()).unwrap_or(JsValue::UNDEFINED),
    })
}

fn text(value: &JsValue, path: &str) -> String {
    get(value, path).as_string().unwrap_or_else(|| panic!("{path} is a string"))
}

fn engine() -> JsEngine {
    JsEngine::new(js(RULESET), JsValue::UNDEFINED).expect("the test ruleset compiles")
}

/// The thrown value, checked to be a JS `Error`.
fn thrown(result: Result<impl Sized, JsValue>) -> js_sys::Error {
    match result {
        Ok(_) => panic!("expected a thrown Error"),
        Err(e) => e.dyn_into::<js_sys::Error>().expect("an Error object"),
    }
}

#[wasm_bindgen_test]
fn builds_from_plain_objects_and_assesses() {
    let engine = engine();
    let a = engine
        .assess(js(r#"{"asOf": "2026-11-22", "child": {"ageMonths": 4}, "answers": {"injury-non-mobile": "yes"}}"#), JsValue::UNDEFINED)
        .expect("assesses");
    assert!(a.is_object() && !a.is_instance_of::<js_sys::Map>(), "a plain object");
    assert_eq!(text(&a, "level.id"), "child-protection");
    assert_eq!(get(&a, "immediateDanger").as_bool(), Some(false));
    assert_eq!(text(&a, "reasons.0.rule"), "non-mobile-injury");
    // Among routes of the same urgency, the level's own response comes first.
    assert_eq!(text(&a, "referrals.0.route"), "childrens-social-care");
    // Absent values are null, as in the CLI's JSON.
    assert!(get(&a, "judgement").is_null());
    assert_eq!(text(&a, "asOf"), "2026-11-22");
    assert_eq!(text(&a, "engineVersion"), waymark::ENGINE_VERSION);
}

#[wasm_bindgen_test]
fn describe_gives_what_a_form_needs() {
    let d = engine().describe().expect("describes");
    assert_eq!(Array::from(&get(&d, "levels")).length(), 5);
    assert_eq!(text(&d, "levels.4.id"), "immediate-danger");
    assert_eq!(Array::from(&get(&d, "indicators")).length(), 16);
    assert_eq!(text(&d, "indicators.15.step"), "child");
    assert_eq!(text(&d, "indicators.7.kind"), "event");
    assert_eq!(Array::from(&get(&d, "referralOutcomes")).length(), 6);
    assert_eq!(get(&d, "contacts.1.set").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn a_profile_from_js_layers_names_and_numbers() {
    let engine = JsEngine::new(js(RULESET), js(PROFILE)).expect("compiles");
    let d = engine.describe().expect("describes");
    assert_eq!(text(&d, "profile.organisation"), "Northfield Primary School");
    assert_eq!(text(&d, "levels.2.name"), "Tier 3: complex needs");
    assert_eq!(text(&d, "contacts.1.phone"), "020 7946 0321");
}

#[wasm_bindgen_test]
fn a_bad_ruleset_throws_an_error_with_its_path() {
    let bad = RULESET.replacen(r#"{"yes": "excluded"}"#, r#"{"yes": "excludd"}"#, 1);
    let error = thrown(JsEngine::new(js(&bad), JsValue::UNDEFINED));
    let message = String::from(error.message());
    assert_eq!(message, "ruleset: rules[8].when.all[1].yes: unknown indicator \"excludd\" (did you mean \"excluded\"?)");
    assert_eq!(text(&error, "path"), "rules[8].when.all[1].yes");
    assert_eq!(text(&error, "code"), "unknown-indicator");
    assert_eq!(text(&error, "document"), "ruleset");
    assert_eq!(Array::from(&get(&error, "problems")).length(), 1);
}

#[wasm_bindgen_test]
fn every_problem_in_a_bad_ruleset_is_listed() {
    let bad = RULESET.replacen(r#""level": "early-help""#, r#""level": "early-hlp""#, 1).replacen(r#""scope": "local"}"#, r#""scope": "locale"}"#, 1);
    let error = thrown(JsEngine::new(js(&bad), JsValue::UNDEFINED));
    let problems = Array::from(&get(&error, "problems"));
    assert_eq!(problems.length(), 2, "{:?}", JSON::stringify(&problems));
    assert!(String::from(error.message()).ends_with("(and 1 more problem)"));
}

#[wasm_bindgen_test]
fn a_bad_profile_names_the_profile() {
    let bad = PROFILE.replacen("\"mash\":", "\"mahs\":", 1);
    let error = thrown(JsEngine::new(js(RULESET), js(&bad)));
    assert_eq!(text(&error, "document"), "profile");
    assert_eq!(text(&error, "path"), "contacts.mahs");
}

#[wasm_bindgen_test]
fn a_bad_case_throws_and_the_engine_still_works() {
    let engine = engine();
    let error = thrown(engine.assess(js(r#"{"asOf": "2026-11-22", "answers": {"missng": "yes"}}"#), JsValue::UNDEFINED));
    assert_eq!(text(&error, "path"), "answers.missng");
    let error = thrown(engine.assess(js(r#"{"asOf": "2026-02-30"}"#), JsValue::UNDEFINED));
    assert_eq!(text(&error, "path"), "asOf");
    let error = thrown(engine.assess(js(r#"{"answers": {}}"#), JsValue::UNDEFINED));
    assert_eq!(text(&error, "code"), "missing-field");
    let a = engine.assess(js(r#"{"asOf": "2026-11-22"}"#), JsValue::UNDEFINED).expect("still usable after errors");
    assert_eq!(text(&a, "level.id"), "universal");
}

#[wasm_bindgen_test]
fn values_json_cannot_hold_are_refused_not_panicked_on() {
    let engine = engine();
    // A cyclic object.
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"asOf".into(), &"2026-11-22".into()).expect("set");
    Reflect::set(&cyclic, &"child".into(), &cyclic).expect("set");
    let error = thrown(engine.assess(cyclic.into(), JsValue::UNDEFINED));
    assert_eq!((text(&error, "path"), text(&error, "code")), ("child".into(), "cyclic".into()), "{:?}", error.message());
    // A function, and a number JSON cannot represent.
    let function = Function::new_no_args("return 1");
    let case = Object::new();
    Reflect::set(&case, &"asOf".into(), &function).expect("set");
    assert_eq!(text(&thrown(engine.assess(case.into(), JsValue::UNDEFINED)), "path"), "asOf");
    let case = js(r#"{"asOf": "2026-11-22", "child": {"ageMonths": 1}}"#);
    Reflect::set(&get(&case, "child"), &"ageMonths".into(), &JsValue::from_f64(f64::NAN)).expect("set");
    assert_eq!(text(&thrown(engine.assess(case, JsValue::UNDEFINED)), "path"), "child.ageMonths");
    // Not even an object.
    assert_eq!(text(&thrown(JsEngine::new(JsValue::from(42), JsValue::NULL)), "code"), "wrong-type");
}

#[wasm_bindgen_test]
fn the_trace_is_left_out_on_request_and_options_are_checked() {
    let engine = engine();
    let case = r#"{"asOf": "2026-11-22", "answers": {"self-harm": "yes"}}"#;
    // Every rule of the ruleset, then the three safeguards.
    let traced = get(&engine.describe().expect("describes"), "rules").as_f64().expect("a count") as u32 + 3;
    let full = engine.assess(js(case), JsValue::UNDEFINED).expect("assesses");
    assert_eq!(Array::from(&get(&full, "trace")).length(), traced);
    let guidance = engine.assess(js(case), js(r#"{"trace": false}"#)).expect("assesses");
    assert!(get(&guidance, "trace").is_undefined());
    assert_eq!(text(&guidance, "level.id"), text(&full, "level.id"));
    let with_trace = engine.assess(js(case), js(r#"{"trace": true}"#)).expect("assesses");
    assert_eq!(Array::from(&get(&with_trace, "trace")).length(), traced);
    let error = thrown(engine.assess(js(case), js(r#"{"trace": "no"}"#)));
    assert_eq!((text(&error, "document"), text(&error, "path"), text(&error, "code")), ("options".into(), "trace".into(), "wrong-type".into()));
    let error = thrown(engine.assess(js(case), js(r#"{"trcae": false}"#)));
    assert_eq!((text(&error, "path"), text(&error, "code")), ("trcae".into(), "unknown-field".into()));
    assert_eq!(text(&thrown(engine.assess(js(case), JsValue::from(false))), "code"), "wrong-type");
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(waymark::version(), waymark::ENGINE_VERSION);
}

#[wasm_bindgen_test]
fn scenarios_are_checked_and_run_or_refused_with_their_path() {
    const SCENARIO: &str = include_str!("scenarios/language.json");
    let engine = engine();
    let report = engine.check_scenario(js(SCENARIO)).expect("runs");
    let points = Array::from(&get(&report, "timePoints"));
    assert!(points.length() > 0);
    for point in points.iter() {
        assert_eq!(Array::from(&get(&point, "failures")).length(), 0, "{}", text(&point, "id"));
    }
    // A misspelt key in the second time point is refused with its path, not run.
    let bad = js(SCENARIO);
    let second = get(&bad, "timePoints.0");
    Reflect::set(&second, &"narative".into(), &"typo".into()).expect("set");
    let error = thrown(engine.check_scenario(bad));
    assert_eq!(text(&error, "document"), "scenario");
    assert_eq!(text(&error, "path"), "timePoints[0].narative");
}

// --- Regressions for what a fuzzer found at the boundary ----------------------------------------

/// A value made by JavaScript code (Proxies, getters, sparse arrays).
fn made_by(code: &str) -> JsValue {
    Function::new_no_args(code).call0(&JsValue::UNDEFINED).expect("the code runs")
}

/// A case with `value` at `key`.
fn case_with(key: &str, value: &JsValue) -> JsValue {
    let case = js(r#"{"asOf": "2026-11-22"}"#);
    Reflect::set(&case, &key.into(), value).expect("set");
    case
}

/// The thrown Error's (path, code).
fn refusal(result: Result<JsValue, JsValue>) -> (String, String) {
    let error = thrown(result);
    (text(&error, "path"), text(&error, "code"))
}

/// The engine still assesses a plain case correctly.
fn still_works(engine: &JsEngine) {
    let a = engine.assess(js(r#"{"asOf": "2026-11-22", "answers": {"self-harm": "yes"}}"#), JsValue::UNDEFINED).expect("still usable");
    assert_eq!(text(&a, "level.id"), "child-in-need");
}

#[wasm_bindgen_test]
fn a_sparse_array_or_a_proxy_with_a_huge_length_is_refused_before_anything_is_read() {
    // Vec::with_capacity(length) used to panic with "capacity overflow" and kill the instance.
    let engine = engine();
    let sparse = made_by("const a = []; a.length = 4294967295; return a;");
    assert_eq!(refusal(engine.assess(case_with("events", &sparse), JsValue::UNDEFINED)), ("events".into(), "too-large".into()));
    let liar = made_by("return new Proxy([], { get: (t, k) => k === 'length' ? 4294967295 : undefined });");
    assert_eq!(refusal(engine.assess(case_with("events", &liar), JsValue::UNDEFINED)), ("events".into(), "too-large".into()));
    let odd = made_by("return new Proxy([], { get: (t, k) => k === 'length' ? -1 : undefined });");
    assert_eq!(refusal(engine.assess(case_with("events", &odd), JsValue::UNDEFINED)), ("events".into(), "wrong-type".into()));
    // A short sparse array reads its holes as null, as JSON.stringify writes them.
    let holes = made_by("const a = []; a.length = 2; return a;");
    assert_eq!(refusal(engine.assess(case_with("events", &holes), JsValue::UNDEFINED)).1, "wrong-type");
    still_works(&engine);
}

#[wasm_bindgen_test]
fn exceptions_from_getters_and_revoked_proxies_become_errors_with_a_path() {
    let engine = engine();
    let getter = made_by("return { get ageMonths() { throw new TypeError('no age here'); } };");
    let error = thrown(engine.assess(case_with("child", &getter), JsValue::UNDEFINED));
    assert_eq!((text(&error, "path"), text(&error, "code")), ("child.ageMonths".into(), "unreadable".into()));
    assert!(String::from(error.message()).contains("no age here"), "{:?}", error.message());
    let revoked = made_by("const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy;");
    assert_eq!(refusal(engine.assess(case_with("child", &revoked), JsValue::UNDEFINED)), ("child".into(), "unreadable".into()));
    let keys = made_by("return new Proxy({}, { ownKeys() { throw 'a string, not an Error'; } });");
    assert_eq!(refusal(engine.assess(case_with("answers", &keys), JsValue::UNDEFINED)), ("answers".into(), "unreadable".into()));
    // A whole ruleset or options object that cannot be read.
    assert_eq!(refusal(JsEngine::new(revoked.clone(), JsValue::UNDEFINED).map(JsValue::from)), ("".into(), "unreadable".into()));
    assert_eq!(refusal(engine.assess(js(r#"{"asOf": "2026-11-22"}"#), revoked)), ("".into(), "unreadable".into()));
    still_works(&engine);
}

#[wasm_bindgen_test]
fn a_thousand_foreign_exceptions_leave_the_instance_working() {
    // Each exception used to unwind through the instance and leak its stack: after a few
    // hundred, every call failed with "memory access out of bounds".
    let engine = engine();
    let revoked = made_by("const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy;");
    let getter = made_by("return { get asOf() { throw new Error('boom'); } };");
    for _ in 0..1_000 {
        assert_eq!(refusal(engine.assess(case_with("child", &revoked), JsValue::UNDEFINED)).1, "unreadable");
        assert_eq!(refusal(engine.assess(getter.clone(), JsValue::UNDEFINED)).0, "asOf");
    }
    still_works(&engine);
}

#[wasm_bindgen_test]
fn shared_references_count_at_each_use_within_a_budget() {
    // A DAG of depth 20 (each level two references to the one below) took 0.5 s; ten thousand
    // references to one ruleset, 9 s and 478 MiB. Both now stop at the budget of values.
    let engine = engine();
    let dag = made_by("let v = { a: 1 }; for (let i = 0; i < 24; i++) v = [v, v]; return v;");
    let start = js_sys::Date::now();
    let error = thrown(engine.assess(case_with("answers", &dag), JsValue::UNDEFINED));
    assert_eq!(text(&error, "code"), "too-large");
    assert!(String::from(error.message()).contains("2000000 values"), "{:?}", error.message());
    let ruleset = js(RULESET);
    let many = Array::new();
    for _ in 0..10_000 {
        many.push(&ruleset);
    }
    let (path, code) = refusal(engine.assess(case_with("events", &many), JsValue::UNDEFINED));
    assert!(path.starts_with("events[") && code == "too-large", "{path} {code}");
    assert!(js_sys::Date::now() - start < 20_000.0, "{} ms", js_sys::Date::now() - start);
    // A value shared twice, but not cyclic, is read twice.
    let shared = made_by("const s = { 'self-harm': 'yes' }; return { asOf: '2026-11-22', answers: s, facts: {}, x: [s] };");
    assert_eq!(refusal(engine.assess(shared, JsValue::UNDEFINED)), ("x".into(), "unknown-field".into()));
    still_works(&engine);
}

#[wasm_bindgen_test]
fn the_limits_and_the_verdicts_are_those_of_the_command_line() {
    let engine = engine();
    // Nesting: a list 101 deep is refused at the same path as natively.
    let deep = made_by("let v = []; for (let i = 0; i < 100; i++) v = [v]; return v;");
    let (path, code) = refusal(engine.assess(case_with("x", &deep), JsValue::UNDEFINED));
    assert_eq!((path, code), (format!("x{}", "[0]".repeat(99)), "too-deep".into()));
    // Half a surrogate pair, which JSON.parse accepts, is refused as the command line refuses it.
    let case = js(r#"{"asOf": "2026-11-22", "answers": {"self-harm": "yes"}}"#);
    Reflect::set(&case, &"judgement".into(), &made_by(r"return { level: 'early-help', reason: 'a \ud800 b' };")).expect("set");
    assert_eq!(refusal(engine.assess(case, JsValue::UNDEFINED)), ("judgement.reason".into(), "bad-text".into()));
    let key = made_by(r"return { asOf: '2026-11-22', answers: { 'x\udc00': 'yes' } };");
    assert_eq!(refusal(engine.assess(key, JsValue::UNDEFINED)), ("answers".into(), "bad-text".into()));
    // A string over the limit, checked before it is copied.
    let long = made_by("return 'x'.repeat(200001);");
    assert_eq!(refusal(engine.assess(case_with("asOf", &long), JsValue::UNDEFINED)), ("asOf".into(), "too-large".into()));
    let long = made_by("return 'x'.repeat(100001);");
    assert_eq!(refusal(engine.assess(case_with("asOf", &long), JsValue::UNDEFINED)), ("asOf".into(), "too-large".into()));
    // Symbols and bigints are not JSON.
    assert_eq!(refusal(engine.assess(case_with("asOf", &made_by("return Symbol('x');")), JsValue::UNDEFINED)), ("asOf".into(), "wrong-type".into()));
    assert_eq!(refusal(engine.assess(case_with("asOf", &made_by("return 10n;")), JsValue::UNDEFINED)), ("asOf".into(), "wrong-type".into()));
    still_works(&engine);
}

/// Every scenario and case-bank file, for the test below (tests/scenarios.rs checks none is left out).
macro_rules! case_files {
    ($($path:literal),* $(,)?) => { &[$(($path, include_str!(concat!("../", $path)))),*] };
}
const CASE_FILES: &[(&str, &str)] = case_files![
    "www/scenarios/child-d-learning.json",
    "www/scenarios/child-n.json",
    "www/scenarios/child-o.json",
    "www/scenarios/child-v.json",
    "www/scenarios/sutton-escalation.json",
    "www/scenarios/triennial-boy-exploitation.json",
    "www/scenarios/triennial-bruised-baby.json",
    "www/scenarios/triennial-co-sleeping.json",
    "www/scenarios/triennial-domestic-callouts.json",
    "www/scenarios/triennial-neglect-closure.json",
    "www/scenarios/triennial-new-partner.json",
    "www/scenarios/triennial-pre-birth.json",
    "www/scenarios/triennial-self-harm.json",
    "tests/cases/abuse-categories.json",
    "tests/cases/abuse-child-on-child.json",
    "tests/cases/abuse-online.json",
    "tests/cases/abuse-staff-and-disclosure.json",
    "tests/cases/family-domestic-abuse.json",
    "tests/cases/family-home-and-care.json",
    "tests/cases/family-honour-faith.json",
    "tests/cases/family-parents.json",
    "tests/cases/health-care.json",
    "tests/cases/health-disability.json",
    "tests/cases/health-infants.json",
    "tests/cases/health-medical.json",
    "tests/cases/health-mental-health.json",
    "tests/cases/health-sexual-health.json",
    "tests/cases/heldout-a-child-afraid-of-one-particular-relative-or-family-friend-1.json",
    "tests/cases/heldout-a-child-living-somewhere-other-than-the-address-services-hold-1.json",
    "tests/cases/heldout-abuse-linked-to-faith-or-belief-1.json",
    "tests/cases/heldout-adolescent-neglect-1.json",
    "tests/cases/heldout-adolescents-1.json",
    "tests/cases/heldout-adopted-teens-and-birth-family-online-1.json",
    "tests/cases/heldout-adoption-and-special-guardianship-breaking-down-1.json",
    "tests/cases/heldout-adoption-kinship-1.json",
    "tests/cases/heldout-adult-brothers-and-sisters-living-at-home-1.json",
    "tests/cases/heldout-adult-facing-services-1.json",
    "tests/cases/heldout-adult-mental-health-and-drug-services-1.json",
    "tests/cases/heldout-adult-services-where-the-patient-is-a-parent-1.json",
    "tests/cases/heldout-adultification-and-bias-1.json",
    "tests/cases/heldout-adults-on-bail-or-under-investigation-in-the-household-1.json",
    "tests/cases/heldout-adults-targeting-single-parents-1.json",
    "tests/cases/heldout-adults-using-a-childs-identity-benefits-or-bank-account-1.json",
    "tests/cases/heldout-adventure-playgrounds-and-open-access-play-1.json",
    "tests/cases/heldout-affluent-emotional-neglect-1.json",
    "tests/cases/heldout-after-school-clubs-and-wraparound-care-1.json",
    "tests/cases/heldout-ai-and-deepfake-images-1.json",
    "tests/cases/heldout-ai-chatbots-and-companion-apps-1.json",
    "tests/cases/heldout-alarming-sounding-but-ordinary-1.json",
    "tests/cases/heldout-ambulance-crew-shift-1.json",
    "tests/cases/heldout-animals-and-family-violence-1.json",
    "tests/cases/heldout-antisocial-behaviour-and-community-safety-1.json",
    "tests/cases/heldout-apprenticeships-and-workplaces-1.json",
    "tests/cases/heldout-asylum-age-disputes-1.json",
    "tests/cases/heldout-asylum-hotels-and-dispersal-accommodation-1.json",
    "tests/cases/heldout-attacks-on-the-family-home-and-neighbour-disputes-1.json",
    "tests/cases/heldout-autism-and-learning-disability-teens-online-1.json",
    "tests/cases/heldout-babies-1.json",
    "tests/cases/heldout-babies-born-withdrawing-from-drugs-or-alcohol-1.json",
    "tests/cases/heldout-babies-kept-in-car-seats-bouncers-and-cots-for-long-periods-1.json",
    "tests/cases/heldout-babies-of-mothers-in-prison-and-mother-and-baby-units-1.json",
    "tests/cases/heldout-babies-under-one-with-two-or-more-worries-1.json",
    "tests/cases/heldout-bailiffs-evictions-and-enforcement-agents-1.json",
    "tests/cases/heldout-beliefs-and-treatment-1.json",
    "tests/cases/heldout-bereaved-children-and-dying-parents-1.json",
    "tests/cases/heldout-birth-children-of-foster-carers-and-adopters-1.json",
    "tests/cases/heldout-birth-parents-barred-relatives-or-ex-partners-turning-up-at-school-nursery-or-hospital-1.json",
    "tests/cases/heldout-boarding-schools-and-house-parents-1.json",
    "tests/cases/heldout-boys-and-young-men-1.json",
    "tests/cases/heldout-brief-encounters-1.json",
    "tests/cases/heldout-bruises-burns-and-fractures-in-children-under-two-1.json",
    "tests/cases/heldout-cafes-takeaways-and-late-shops-1.json",
    "tests/cases/heldout-camhs-clinic-day-1.json",
    "tests/cases/heldout-camhs-inpatient-and-tier-4-units-1.json",
    "tests/cases/heldout-care-experienced-parents-1.json",
    "tests/cases/heldout-care-leavers-aged-sixteen-to-eighteen-and-their-babies-1.json",
    "tests/cases/heldout-case-review-learning-1.json",
    "tests/cases/heldout-child-and-adolescent-eating-disorders-1.json",
    "tests/cases/heldout-child-death-and-sudden-infant-death-responders-1.json",
    "tests/cases/heldout-child-employment-and-performance-1.json",
    "tests/cases/heldout-child-employment-performers-and-influencers-1.json",
    "tests/cases/heldout-child-marriage-and-religious-marriages-under-18-1.json",
    "tests/cases/heldout-child-on-child-1.json",
    "tests/cases/heldout-child-to-parent-violence-1.json",
    "tests/cases/heldout-child-victims-and-witnesses-1.json",
    "tests/cases/heldout-child-victims-and-witnesses-going-to-court-1.json",
    "tests/cases/heldout-childminders-and-nannies-1.json",
    "tests/cases/heldout-children-after-a-death-in-suspicious-or-traumatic-circumstances-1.json",
    "tests/cases/heldout-children-alone-with-a-parent-who-has-collapsed-or-died-1.json",
    "tests/cases/heldout-children-always-tired-hungry-or-asleep-in-class-1.json",
    "tests/cases/heldout-children-and-police-interviews-cautions-and-arrest-1.json",
    "tests/cases/heldout-children-approached-by-strangers-near-school-or-home-1.json",
    "tests/cases/heldout-children-at-age-boundaries-1.json",
    "tests/cases/heldout-children-begging-street-selling-and-busking-1.json",
    "tests/cases/heldout-children-in-armed-forces-families-1.json",
    "tests/cases/heldout-children-in-care-placed-with-parents-or-returning-home-1.json",
    "tests/cases/heldout-children-in-families-with-several-professionals-and-no-lead-1.json",
    "tests/cases/heldout-children-in-homes-used-as-cannabis-farms-1.json",
    "tests/cases/heldout-children-in-hotels-holiday-lets-and-temporary-stays-with-parents-1.json",
    "tests/cases/heldout-children-in-secure-settings-and-youth-custody-1.json",
    "tests/cases/heldout-children-kept-home-as-company-or-carers-for-an-anxious-or-agoraphobic-parent-1.json",
    "tests/cases/heldout-children-left-in-cars-prams-outside-shops-and-home-briefly-1.json",
    "tests/cases/heldout-children-left-in-hospital-when-parents-do-not-visit-or-collect-1.json",
    "tests/cases/heldout-children-left-with-grandparents-while-parents-work-away-1.json",
    "tests/cases/heldout-children-locked-in-locked-out-or-shut-out-as-punishment-1.json",
    "tests/cases/heldout-children-not-collected-or-collected-by-someone-unsafe-1.json",
    "tests/cases/heldout-children-of-parents-in-the-sex-industry-1.json",
    "tests/cases/heldout-children-of-parents-who-are-trafficked-or-in-forced-labour-1.json",
    "tests/cases/heldout-children-of-parents-with-dementia-or-brain-injury-1.json",
    "tests/cases/heldout-children-of-prisoners-and-probation-officers-1.json",
    "tests/cases/heldout-children-of-veterans-with-ptsd-or-brain-injury-1.json",
    "tests/cases/heldout-children-on-plans-who-move-area-1.json",
    "tests/cases/heldout-children-on-sports-music-and-school-tours-1.json",
    "tests/cases/heldout-children-returning-from-conflict-zones-and-terrorism-families-1.json",
    "tests/cases/heldout-children-sent-abroad-for-discipline-or-culture-1.json",
    "tests/cases/heldout-children-telling-about-a-friend-1.json",
    "tests/cases/heldout-children-travelling-alone-on-trains-planes-and-coaches-1.json",
    "tests/cases/heldout-children-under-ten-used-in-crime-1.json",
    "tests/cases/heldout-children-used-in-post-separation-abuse-1.json",
    "tests/cases/heldout-children-who-do-not-speak-in-school-1.json",
    "tests/cases/heldout-children-who-find-or-see-a-parent-self-harm-or-attempt-suicide-1.json",
    "tests/cases/heldout-children-who-swallow-medicines-or-drugs-at-home-1.json",
    "tests/cases/heldout-children-who-tell-staff-they-are-hungry-cold-or-without-clothes-1.json",
    "tests/cases/heldout-children-who-witness-a-parents-arrest-or-a-police-raid-1.json",
    "tests/cases/heldout-children-whose-parents-are-in-the-public-eye-or-wealthy-1.json",
    "tests/cases/heldout-children-witnessing-violence-in-the-community-1.json",
    "tests/cases/heldout-children-working-in-family-businesses-and-the-informal-economy-1.json",
    "tests/cases/heldout-children-worried-by-news-war-and-climate-1.json",
    "tests/cases/heldout-childrens-community-nursing-and-continuing-care-1.json",
    "tests/cases/heldout-childrens-home-night-shift-1.json",
    "tests/cases/heldout-childrens-hospices-and-palliative-care-1.json",
    "tests/cases/heldout-childrens-party-entertainers-soft-play-and-trampoline-park-staff-1.json",
    "tests/cases/heldout-chronologies-over-a-year-1.json",
    "tests/cases/heldout-clares-law-disclosures-and-partners-with-a-violent-past-1.json",
    "tests/cases/heldout-cold-homes-fuel-poverty-and-disrepair-1.json",
    "tests/cases/heldout-community-midwives-postnatal-home-visits-1.json",
    "tests/cases/heldout-community-settings-1.json",
    "tests/cases/heldout-complementary-therapists-and-alternative-health-1.json",
    "tests/cases/heldout-concealed-pregnancy-and-newborns-left-alone-1.json",
    "tests/cases/heldout-conflicting-accounts-from-child-parent-and-professionals-1.json",
    "tests/cases/heldout-controlling-teenage-relationships-1.json",
    "tests/cases/heldout-cost-of-living-and-fuel-poverty-1.json",
    "tests/cases/heldout-court-and-contact-disputes-1.json",
    "tests/cases/heldout-creches-and-temporary-childcare-1.json",
    "tests/cases/heldout-csa-signs-no-disclosure-1.json",
    "tests/cases/heldout-cumulative-signs-1.json",
    "tests/cases/heldout-cyberbullying-and-online-pile-ons-1.json",
    "tests/cases/heldout-cyberflashing-and-unsolicited-sexual-images-sent-to-children-1.json",
    "tests/cases/heldout-damp-mould-and-unsafe-rented-homes-1.json",
    "tests/cases/heldout-dance-drama-and-music-schools-1.json",
    "tests/cases/heldout-deaf-and-disabled-children-communicating-harm-1.json",
    "tests/cases/heldout-deaf-non-verbal-and-communication-needs-1.json",
    "tests/cases/heldout-deaths-and-bereavement-1.json",
    "tests/cases/heldout-debt-advisers-and-citizens-advice-1.json",
    "tests/cases/heldout-dental-and-optical-opportunistic-findings-1.json",
    "tests/cases/heldout-dentists-and-orthodontists-1.json",
    "tests/cases/heldout-detached-street-youth-work-late-night-1.json",
    "tests/cases/heldout-digital-harms-1.json",
    "tests/cases/heldout-disabled-children-1.json",
    "tests/cases/heldout-disabled-children-at-home-1.json",
    "tests/cases/heldout-disabled-children-where-worries-are-put-down-to-disability-1.json",
    "tests/cases/heldout-disabled-children-with-two-or-more-worries-1.json",
    "tests/cases/heldout-disclosure-taken-back-1.json",
    "tests/cases/heldout-disclosures-1.json",
    "tests/cases/heldout-disclosures-through-drawings-play-and-stories-1.json",
    "tests/cases/heldout-dog-bites-and-dangerous-animals-1.json",
    "tests/cases/heldout-dogs-and-pets-in-homes-with-children-1.json",
    "tests/cases/heldout-domestic-abuse-1.json",
    "tests/cases/heldout-domestic-abuse-against-fathers-and-in-same-sex-parent-households-1.json",
    "tests/cases/heldout-domestic-abuse-child-1.json",
    "tests/cases/heldout-domestic-abuse-perpetrator-programmes-1.json",
    "tests/cases/heldout-domestic-abuse-the-parent-says-has-ended-1.json",
    "tests/cases/heldout-domestic-abuse-with-children-present-police-and-encompass-1.json",
    "tests/cases/heldout-domestic-homicide-and-children-left-behind-1.json",
    "tests/cases/heldout-drink-and-needle-spiking-1.json",
    "tests/cases/heldout-driving-instructors-and-learner-drivers-1.json",
    "tests/cases/heldout-drugs-and-alcohol-in-families-1.json",
    "tests/cases/heldout-drugs-in-school-1.json",
    "tests/cases/heldout-early-help-1.json",
    "tests/cases/heldout-early-help-declined-while-worries-grow-1.json",
    "tests/cases/heldout-early-years-1.json",
    "tests/cases/heldout-early-years-health-checks-1.json",
    "tests/cases/heldout-early-years-safeguarding-in-nurseries-staffing-1.json",
    "tests/cases/heldout-education-disability-1.json",
    "tests/cases/heldout-emergencies-and-overdoses-1.json",
    "tests/cases/heldout-emergency-and-out-of-hours-calls-where-danger-is-unclear-1.json",
    "tests/cases/heldout-emergency-department-night-1.json",
    "tests/cases/heldout-emotional-abuse-and-coercive-parenting-1.json",
    "tests/cases/heldout-emotionally-based-school-avoidance-1.json",
    "tests/cases/heldout-environmental-health-and-public-protection-officers-1.json",
    "tests/cases/heldout-escalation-1.json",
    "tests/cases/heldout-everyday-school-worries-1.json",
    "tests/cases/heldout-exam-pressure-perfectionism-and-academic-pressure-1.json",
    "tests/cases/heldout-excluded-alternative-provision-1.json",
    "tests/cases/heldout-exclusion-and-alternative-provision-1.json",
    "tests/cases/heldout-explanations-that-do-and-do-not-fit-1.json",
    "tests/cases/heldout-exploitation-where-telling-someone-could-warn-the-exploiter-1.json",
    "tests/cases/heldout-fabricated-or-induced-illness-in-babies-and-toddlers-1.json",
    "tests/cases/heldout-fairgrounds-and-travelling-showmen-1.json",
    "tests/cases/heldout-faith-based-youth-groups-and-conversion-practices-1.json",
    "tests/cases/heldout-fake-modelling-scouts-and-online-casting-1.json",
    "tests/cases/heldout-faltering-growth-and-feeding-difficulties-in-babies-and-toddlers-1.json",
    "tests/cases/heldout-families-exploited-by-people-who-move-in-1.json",
    "tests/cases/heldout-families-sleeping-in-cars-tents-or-waiting-rooms-1.json",
    "tests/cases/heldout-families-threatened-by-loan-sharks-or-drug-debts-1.json",
    "tests/cases/heldout-families-with-no-recourse-to-public-funds-1.json",
    "tests/cases/heldout-family-1.json",
    "tests/cases/heldout-family-hub-day-1.json",
    "tests/cases/heldout-family-life-events-1.json",
    "tests/cases/heldout-family-solicitors-and-legal-advisers-1.json",
    "tests/cases/heldout-fathers-and-male-carers-1.json",
    "tests/cases/heldout-female-genital-mutilation-hard-cases-1.json",
    "tests/cases/heldout-festivals-and-large-events-1.json",
    "tests/cases/heldout-festivals-concerts-and-large-events-1.json",
    "tests/cases/heldout-fgm-forced-marriage-honour-1.json",
    "tests/cases/heldout-filmed-fights-and-violent-content-1.json",
    "tests/cases/heldout-financial-abuse-of-children-1.json",
    "tests/cases/heldout-fire-and-rescue-and-arson-prevention-1.json",
    "tests/cases/heldout-fire-setting-1.json",
    "tests/cases/heldout-firearms-shotguns-and-weapons-kept-at-home-1.json",
    "tests/cases/heldout-floods-fires-and-emergency-rest-centres-1.json",
    "tests/cases/heldout-food-restricted-or-withheld-as-punishment-or-control-1.json",
    "tests/cases/heldout-foodbank-free-school-meals-and-holiday-activities-checks-1.json",
    "tests/cases/heldout-foodbanks-and-community-pantries-1.json",
    "tests/cases/heldout-football-academies-and-talent-scouting-1.json",
    "tests/cases/heldout-forced-marriage-and-honour-based-abuse-1.json",
    "tests/cases/heldout-foster-care-and-family-time-1.json",
    "tests/cases/heldout-frail-grandparents-and-older-carers-1.json",
    "tests/cases/heldout-freebirthing-home-births-and-babies-born-outside-health-services-1.json",
    "tests/cases/heldout-front-door-mixed-referrals-1.json",
    "tests/cases/heldout-further-education-college-1.json",
    "tests/cases/heldout-gambling-and-debt-1.json",
    "tests/cases/heldout-gambling-by-children-and-parents-1.json",
    "tests/cases/heldout-gambling-gaming-loot-boxes-and-debt-teens-1.json",
    "tests/cases/heldout-gp-and-primary-care-1.json",
    "tests/cases/heldout-gp-receptionists-and-pharmacy-counter-1.json",
    "tests/cases/heldout-gypsy-roma-traveller-and-boater-families-1.json",
    "tests/cases/heldout-hair-beauty-tattoo-and-gyms-1.json",
    "tests/cases/heldout-hard-cases-a-night-shift-in-childrens-a-and-e-1.json",
    "tests/cases/heldout-hard-cases-a-week-in-a-secondary-school-safeguarding-office-1.json",
    "tests/cases/heldout-hard-cases-about-a-worry-that-has-already-been-referred-1.json",
    "tests/cases/heldout-hard-cases-about-adults-who-work-with-children-1.json",
    "tests/cases/heldout-hard-cases-about-babies-first-year-with-one-answer-not-known-1.json",
    "tests/cases/heldout-hard-cases-about-babies-under-one-at-home-1.json",
    "tests/cases/heldout-hard-cases-about-babies-under-one-with-a-single-worry-1.json",
    "tests/cases/heldout-hard-cases-about-brothers-sisters-and-other-children-in-the-household-1.json",
    "tests/cases/heldout-hard-cases-about-bullying-and-abuse-between-pupils-in-secondary-school-1.json",
    "tests/cases/heldout-hard-cases-about-childminders-nannies-and-babysitters-1.json",
    "tests/cases/heldout-hard-cases-about-children-abroad-or-just-back-from-abroad-1.json",
    "tests/cases/heldout-hard-cases-about-children-aged-five-to-ten-at-home-1.json",
    "tests/cases/heldout-hard-cases-about-children-aged-one-to-four-at-home-1.json",
    "tests/cases/heldout-hard-cases-about-children-and-young-people-with-autism-adhd-or-learning-disabilities-1.json",
    "tests/cases/heldout-hard-cases-about-children-missing-education-and-home-education-1.json",
    "tests/cases/heldout-hard-cases-about-children-who-witness-violence-in-the-community-1.json",
    "tests/cases/heldout-hard-cases-about-children-with-complex-health-needs-1.json",
    "tests/cases/heldout-hard-cases-about-children-with-special-educational-needs-in-mainstream-schools-1.json",
    "tests/cases/heldout-hard-cases-about-domestic-abuse-and-the-children-in-the-home-1.json",
    "tests/cases/heldout-hard-cases-about-eleven-to-fifteen-year-olds-outside-the-home-1.json",
    "tests/cases/heldout-hard-cases-about-emotional-abuse-and-coercive-parenting-1.json",
    "tests/cases/heldout-hard-cases-about-escalation-when-nobody-acts-or-professionals-disagree-1.json",
    "tests/cases/heldout-hard-cases-about-families-in-temporary-accommodation-and-refuges-1.json",
    "tests/cases/heldout-hard-cases-about-fathers-stepfathers-and-men-in-the-household-1.json",
    "tests/cases/heldout-hard-cases-about-foster-kinship-and-adoptive-families-1.json",
    "tests/cases/heldout-hard-cases-about-gender-questioning-and-lgbt-young-people-1.json",
    "tests/cases/heldout-hard-cases-about-gypsy-roma-traveller-and-mobile-families-1.json",
    "tests/cases/heldout-hard-cases-about-home-conditions-hoarding-and-animals-1.json",
    "tests/cases/heldout-hard-cases-about-injuries-at-every-age-1.json",
    "tests/cases/heldout-hard-cases-about-knives-weapons-and-serious-youth-violence-1.json",
    "tests/cases/heldout-hard-cases-about-mothers-and-women-who-harm-children-1.json",
    "tests/cases/heldout-hard-cases-about-neglect-at-every-age-1.json",
    "tests/cases/heldout-hard-cases-about-neglect-of-babies-and-toddlers-at-home-1.json",
    "tests/cases/heldout-hard-cases-about-neglect-of-teenagers-1.json",
    "tests/cases/heldout-hard-cases-about-online-harm-at-every-age-1.json",
    "tests/cases/heldout-hard-cases-about-online-harm-to-children-under-eleven-1.json",
    "tests/cases/heldout-hard-cases-about-parents-in-prison-or-on-probation-1.json",
    "tests/cases/heldout-hard-cases-about-parents-who-misuse-drugs-or-alcohol-1.json",
    "tests/cases/heldout-hard-cases-about-parents-with-learning-disabilities-1.json",
    "tests/cases/heldout-hard-cases-about-parents-with-mental-illness-and-children-at-home-1.json",
    "tests/cases/heldout-hard-cases-about-physical-harm-at-every-age-1.json",
    "tests/cases/heldout-hard-cases-about-physical-punishment-and-discipline-at-every-age-1.json",
    "tests/cases/heldout-hard-cases-about-private-fostering-and-children-living-with-non-relatives-1.json",
    "tests/cases/heldout-hard-cases-about-radicalisation-and-extremism-1.json",
    "tests/cases/heldout-hard-cases-about-self-harm-suicidal-thoughts-and-eating-disorders-1.json",
    "tests/cases/heldout-hard-cases-about-sexual-abuse-within-the-family-1.json",
    "tests/cases/heldout-hard-cases-about-sexual-exploitation-of-boys-and-young-men-1.json",
    "tests/cases/heldout-hard-cases-about-sixteen-and-seventeen-year-olds-at-home-1.json",
    "tests/cases/heldout-hard-cases-about-sixteen-and-seventeen-year-olds-with-adults-1.json",
    "tests/cases/heldout-hard-cases-about-teenagers-where-the-young-person-asks-for-nothing-to-be-done-1.json",
    "tests/cases/heldout-hard-cases-about-unaccompanied-and-asylum-seeking-children-and-young-migrants-1.json",
    "tests/cases/heldout-hard-cases-about-unborn-babies-across-every-kind-of-worry-1.json",
    "tests/cases/heldout-hard-cases-about-violence-by-children-towards-parents-and-siblings-1.json",
    "tests/cases/heldout-hard-cases-about-young-parents-under-eighteen-1.json",
    "tests/cases/heldout-hard-cases-about-young-people-turning-eighteen-1.json",
    "tests/cases/heldout-hard-cases-across-community-youth-sport-and-faith-1.json",
    "tests/cases/heldout-hard-cases-across-early-years-settings-1.json",
    "tests/cases/heldout-hard-cases-across-extra-familial-harm-and-exploitation-1.json",
    "tests/cases/heldout-hard-cases-across-health-settings-1.json",
    "tests/cases/heldout-hard-cases-across-housing-benefits-and-public-services-1.json",
    "tests/cases/heldout-hard-cases-across-kcsie-annex-b-1.json",
    "tests/cases/heldout-hard-cases-across-police-work-1.json",
    "tests/cases/heldout-hard-cases-across-schools-and-colleges-1.json",
    "tests/cases/heldout-hard-cases-across-social-work-practice-1.json",
    "tests/cases/heldout-hard-cases-across-the-four-categories-of-abuse-and-neglect-1.json",
    "tests/cases/heldout-hard-cases-across-working-together-2023-1.json",
    "tests/cases/heldout-hard-cases-answered-by-a-non-specialist-volunteer-1.json",
    "tests/cases/heldout-hard-cases-answered-in-a-hurry-by-a-duty-worker-1.json",
    "tests/cases/heldout-hard-cases-at-night-weekends-and-holidays-1.json",
    "tests/cases/heldout-hard-cases-at-the-school-gate-and-on-school-trips-1.json",
    "tests/cases/heldout-hard-cases-for-a-youth-offending-team-worker-1.json",
    "tests/cases/heldout-hard-cases-for-children-already-on-a-plan-1.json",
    "tests/cases/heldout-hard-cases-for-youth-workers-and-detached-street-teams-1.json",
    "tests/cases/heldout-hard-cases-from-a-camhs-clinician-1.json",
    "tests/cases/heldout-hard-cases-from-a-childrens-home-night-shift-1.json",
    "tests/cases/heldout-hard-cases-from-a-childrens-social-care-front-door-1.json",
    "tests/cases/heldout-hard-cases-from-a-childrens-ward-1.json",
    "tests/cases/heldout-hard-cases-from-a-foster-carers-week-1.json",
    "tests/cases/heldout-hard-cases-from-a-gp-morning-surgery-1.json",
    "tests/cases/heldout-hard-cases-from-a-health-visitors-caseload-1.json",
    "tests/cases/heldout-hard-cases-from-a-housing-officers-visits-1.json",
    "tests/cases/heldout-hard-cases-from-a-nursery-managers-week-1.json",
    "tests/cases/heldout-hard-cases-from-a-police-officers-shift-1.json",
    "tests/cases/heldout-hard-cases-from-a-school-nurse-drop-in-1.json",
    "tests/cases/heldout-hard-cases-from-a-sports-club-welfare-officer-1.json",
    "tests/cases/heldout-hard-cases-from-an-early-help-key-worker-1.json",
    "tests/cases/heldout-hard-cases-from-library-and-leisure-centre-staff-1.json",
    "tests/cases/heldout-hard-cases-from-school-transport-drivers-and-escorts-1.json",
    "tests/cases/heldout-hard-cases-from-serious-case-reviews-1.json",
    "tests/cases/heldout-hard-cases-in-a-hospital-emergency-department-1.json",
    "tests/cases/heldout-hard-cases-in-childrens-homes-and-residential-settings-1.json",
    "tests/cases/heldout-hard-cases-in-families-of-different-cultures-and-faiths-1.json",
    "tests/cases/heldout-hard-cases-in-further-education-colleges-and-sixth-forms-1.json",
    "tests/cases/heldout-hard-cases-in-gp-surgeries-pharmacies-and-dental-practices-1.json",
    "tests/cases/heldout-hard-cases-in-one-day-at-a-busy-primary-school-1.json",
    "tests/cases/heldout-hard-cases-in-police-custody-youth-justice-and-courts-1.json",
    "tests/cases/heldout-hard-cases-in-the-first-six-weeks-after-a-baby-is-born-1.json",
    "tests/cases/heldout-hard-cases-mixed-across-every-age-and-setting-2-1.json",
    "tests/cases/heldout-hard-cases-mixed-across-every-age-and-setting-3-1.json",
    "tests/cases/heldout-hard-cases-mixed-across-every-age-and-setting-4-1.json",
    "tests/cases/heldout-hard-cases-mixed-across-every-age-and-setting-5-1.json",
    "tests/cases/heldout-hard-cases-one-for-each-age-1.json",
    "tests/cases/heldout-hard-cases-taken-only-from-a-written-referral-form-1.json",
    "tests/cases/heldout-hard-cases-where-a-busy-practitioner-answers-only-the-obvious-questions-1.json",
    "tests/cases/heldout-hard-cases-where-a-busy-practitioner-answers-only-two-or-three-questions-1.json",
    "tests/cases/heldout-hard-cases-where-a-child-asks-for-secrecy-1.json",
    "tests/cases/heldout-hard-cases-where-a-child-has-two-or-more-small-worries-1.json",
    "tests/cases/heldout-hard-cases-where-a-parent-reports-a-worry-about-their-own-child-1.json",
    "tests/cases/heldout-hard-cases-where-a-young-persons-wishes-and-safety-conflict-1.json",
    "tests/cases/heldout-hard-cases-where-an-over-reaction-would-harm-or-criminalise-a-child-1.json",
    "tests/cases/heldout-hard-cases-where-dates-and-counts-matter-1.json",
    "tests/cases/heldout-hard-cases-where-early-help-is-not-working-1.json",
    "tests/cases/heldout-hard-cases-where-only-one-question-is-answered-1.json",
    "tests/cases/heldout-hard-cases-where-poverty-and-neglect-are-tangled-1.json",
    "tests/cases/heldout-hard-cases-where-the-answer-is-not-known-for-the-key-question-1.json",
    "tests/cases/heldout-hard-cases-where-the-family-is-already-known-to-services-1.json",
    "tests/cases/heldout-hard-cases-where-the-practitioners-own-view-differs-1.json",
    "tests/cases/heldout-hard-cases-where-the-right-answer-is-low-1.json",
    "tests/cases/heldout-hard-cases-where-the-same-family-comes-back-over-months-1.json",
    "tests/cases/heldout-hard-cases-where-two-worries-pull-in-opposite-directions-1.json",
    "tests/cases/heldout-hard-cases-with-several-not-known-answers-1.json",
    "tests/cases/heldout-harm-outside-home-1.json",
    "tests/cases/heldout-harmful-practices-and-cosmetic-procedures-1.json",
    "tests/cases/heldout-harmful-sexual-behaviour-1.json",
    "tests/cases/heldout-harmful-sexual-behaviour-by-children-under-ten-1.json",
    "tests/cases/heldout-hate-crime-and-harassment-against-families-1.json",
    "tests/cases/heldout-hate-crime-and-racist-bullying-1.json",
    "tests/cases/heldout-hate-discrimination-1.json",
    "tests/cases/heldout-hazing-initiations-and-rituals-in-youth-teams-and-groups-1.json",
    "tests/cases/heldout-head-of-year-week-in-a-secondary-school-1.json",
    "tests/cases/heldout-health-1.json",
    "tests/cases/heldout-health-2.json",
    "tests/cases/heldout-health-settings-1.json",
    "tests/cases/heldout-health-visiting-day-1.json",
    "tests/cases/heldout-helplines-and-online-trust-and-safety-1.json",
    "tests/cases/heldout-high-control-groups-and-cults-1.json",
    "tests/cases/heldout-hiv-hepatitis-and-blood-borne-viruses-in-families-1.json",
    "tests/cases/heldout-hoarding-and-home-conditions-1.json",
    "tests/cases/heldout-holiday-parks-and-seaside-resorts-1.json",
    "tests/cases/heldout-home-alone-and-sibling-care-1.json",
    "tests/cases/heldout-home-education-cme-1.json",
    "tests/cases/heldout-home-visiting-volunteers-and-home-start-1.json",
    "tests/cases/heldout-homestays-and-international-students-1.json",
    "tests/cases/heldout-hospital-1.json",
    "tests/cases/heldout-hospital-discharge-of-children-with-safeguarding-worries-1.json",
    "tests/cases/heldout-hospital-outpatients-and-clinics-1.json",
    "tests/cases/heldout-hospital-paediatric-a-and-e-reception-and-triage-1.json",
    "tests/cases/heldout-hospital-paediatric-ward-long-stays-1.json",
    "tests/cases/heldout-hospital-play-specialists-and-childrens-wards-1.json",
    "tests/cases/heldout-hospital-youth-violence-navigators-after-a-stabbing-or-assault-1.json",
    "tests/cases/heldout-household-adults-1.json",
    "tests/cases/heldout-houses-in-multiple-occupation-lodgers-and-shared-homes-1.json",
    "tests/cases/heldout-housing-and-neighbourhood-1.json",
    "tests/cases/heldout-housing-officers-and-temporary-accommodation-1.json",
    "tests/cases/heldout-immigration-enforcement-and-families-1.json",
    "tests/cases/heldout-in-care-1.json",
    "tests/cases/heldout-indecent-images-offences-in-the-household-1.json",
    "tests/cases/heldout-independent-visitors-and-advocates-for-looked-after-children-1.json",
    "tests/cases/heldout-informal-adoption-and-children-given-to-relatives-or-friends-1.json",
    "tests/cases/heldout-informal-childcare-babysitters-and-siblings-1.json",
    "tests/cases/heldout-information-sharing-and-records-1.json",
    "tests/cases/heldout-injuries-1.json",
    "tests/cases/heldout-injuries-and-accidents-at-nursery-and-childminders-1.json",
    "tests/cases/heldout-injuries-fear-or-distress-after-contact-with-the-other-parent-1.json",
    "tests/cases/heldout-injuries-with-a-possible-medical-explanation-1.json",
    "tests/cases/heldout-international-students-and-boarding-schools-1.json",
    "tests/cases/heldout-interpreters-and-bsl-1.json",
    "tests/cases/heldout-invisible-children-unregistered-births-no-gp-no-school-1.json",
    "tests/cases/heldout-jobcentre-work-coaches-and-benefits-staff-1.json",
    "tests/cases/heldout-kinship-care-and-special-guardianship-with-a-new-worry-1.json",
    "tests/cases/heldout-kinship-carers-with-their-own-difficulties-1.json",
    "tests/cases/heldout-knife-crime-and-youth-violence-1.json",
    "tests/cases/heldout-known-adults-outside-the-family-1.json",
    "tests/cases/heldout-language-barriers-and-new-arrivals-1.json",
    "tests/cases/heldout-leisure-centres-and-pools-1.json",
    "tests/cases/heldout-lgbt-young-people-1.json",
    "tests/cases/heldout-libraries-and-community-centres-1.json",
    "tests/cases/heldout-live-streamed-abuse-and-paid-online-sexual-exploitation-1.json",
    "tests/cases/heldout-living-away-1.json",
    "tests/cases/heldout-looked-after-children-moving-placements-often-1.json",
    "tests/cases/heldout-looked-after-children-with-a-new-worry-1.json",
    "tests/cases/heldout-mate-crime-and-peer-exploitation-of-disabled-young-people-1.json",
    "tests/cases/heldout-maternity-ward-day-1.json",
    "tests/cases/heldout-medical-conditions-in-school-1.json",
    "tests/cases/heldout-medical-neglect-and-chronic-illness-1.json",
    "tests/cases/heldout-mental-health-crisis-care-1.json",
    "tests/cases/heldout-mentoring-and-befriending-schemes-1.json",
    "tests/cases/heldout-migrants-extremism-1.json",
    "tests/cases/heldout-military-cadets-and-junior-soldiers-1.json",
    "tests/cases/heldout-misogyny-and-sexual-harassment-in-schools-1.json",
    "tests/cases/heldout-missing-and-runaway-1.json",
    "tests/cases/heldout-mobile-families-1.json",
    "tests/cases/heldout-money-and-teens-1.json",
    "tests/cases/heldout-mosques-churches-and-gurdwaras-welfare-officers-1.json",
    "tests/cases/heldout-multigenerational-households-abuse-by-grandparents-uncles-or-adult-cousins-1.json",
    "tests/cases/heldout-music-festivals-and-teen-gigs-1.json",
    "tests/cases/heldout-music-lessons-and-peripatetic-teachers-1.json",
    "tests/cases/heldout-ncs-and-summer-residentials-for-16-17-1.json",
    "tests/cases/heldout-neglect-1.json",
    "tests/cases/heldout-neglect-of-disabled-teenagers-1.json",
    "tests/cases/heldout-neglect-of-school-age-children-hunger-hygiene-supervision-1.json",
    "tests/cases/heldout-neighbours-and-the-public-reporting-shouting-crying-or-smacking-1.json",
    "tests/cases/heldout-neonatal-unit-1.json",
    "tests/cases/heldout-neurodivergent-children-1.json",
    "tests/cases/heldout-neurodivergent-girls-masking-1.json",
    "tests/cases/heldout-neurodivergent-parents-1.json",
    "tests/cases/heldout-new-worries-in-families-already-known-to-services-1.json",
    "tests/cases/heldout-nhs-111-and-out-of-hours-gp-1.json",
    "tests/cases/heldout-night-time-economy-hotels-and-taxis-1.json",
    "tests/cases/heldout-non-fatal-strangulation-and-choking-in-teenage-relationships-1.json",
    "tests/cases/heldout-non-recent-abuse-1.json",
    "tests/cases/heldout-not-known-answers-piling-up-1.json",
    "tests/cases/heldout-nursery-age-sexualised-play-and-touching-1.json",
    "tests/cases/heldout-nursery-and-preschool-key-workers-1.json",
    "tests/cases/heldout-obesity-and-food-related-neglect-1.json",
    "tests/cases/heldout-obesity-dental-health-1.json",
    "tests/cases/heldout-offenders-community-1.json",
    "tests/cases/heldout-older-kinship-carers-with-failing-health-1.json",
    "tests/cases/heldout-older-siblings-left-in-charge-1.json",
    "tests/cases/heldout-older-teens-transitions-1.json",
    "tests/cases/heldout-one-child-over-a-year-1.json",
    "tests/cases/heldout-one-child-singled-out-or-neglected-among-siblings-1.json",
    "tests/cases/heldout-one-sign-on-its-own-1.json",
    "tests/cases/heldout-online-abuse-where-nobody-knows-if-the-other-person-is-a-child-or-adult-1.json",
    "tests/cases/heldout-online-dares-and-challenges-1.json",
    "tests/cases/heldout-online-gaming-and-esports-clubs-1.json",
    "tests/cases/heldout-online-health-1.json",
    "tests/cases/heldout-online-marketplaces-and-selling-childrens-used-clothing-or-images-1.json",
    "tests/cases/heldout-online-misogyny-and-incel-ideology-1.json",
    "tests/cases/heldout-online-safety-for-under-fives-1.json",
    "tests/cases/heldout-online-self-harm-and-suicide-communities-1.json",
    "tests/cases/heldout-orders-and-bail-conditions-broken-1.json",
    "tests/cases/heldout-organised-and-ritual-abuse-and-multiple-abusers-1.json",
    "tests/cases/heldout-out-of-hours-emergency-duty-team-1.json",
    "tests/cases/heldout-out-of-hours-holidays-1.json",
    "tests/cases/heldout-out-of-school-settings-and-supplementary-schools-1.json",
    "tests/cases/heldout-overcrowded-homes-and-children-sharing-beds-or-rooms-with-adults-1.json",
    "tests/cases/heldout-overdoses-and-swallowed-substances-1.json",
    "tests/cases/heldout-paediatric-physiotherapy-and-occupational-therapy-1.json",
    "tests/cases/heldout-parental-capacity-1.json",
    "tests/cases/heldout-parental-child-abduction-and-port-alerts-1.json",
    "tests/cases/heldout-parental-conflict-that-is-not-domestic-abuse-1.json",
    "tests/cases/heldout-parental-eating-disorders-and-feeding-children-1.json",
    "tests/cases/heldout-parental-mental-illness-1.json",
    "tests/cases/heldout-parents-absorbed-in-gaming-phones-or-online-life-1.json",
    "tests/cases/heldout-parents-asking-for-their-child-to-be-accommodated-1.json",
    "tests/cases/heldout-parents-dependent-on-prescribed-opioids-or-painkillers-1.json",
    "tests/cases/heldout-parents-detained-under-the-mental-health-act-1.json",
    "tests/cases/heldout-parents-drunk-or-high-at-school-or-nursery-pick-up-1.json",
    "tests/cases/heldout-parents-facing-detention-or-removal-from-the-uk-1.json",
    "tests/cases/heldout-parents-giving-teenagers-alcohol-cannabis-or-vapes-at-home-1.json",
    "tests/cases/heldout-parents-in-rehab-detox-or-hospital-and-childrens-arrangements-1.json",
    "tests/cases/heldout-parents-involved-in-organised-crime-1.json",
    "tests/cases/heldout-parents-new-partners-met-online-1.json",
    "tests/cases/heldout-parents-new-partners-met-online-or-in-prison-1.json",
    "tests/cases/heldout-parents-taking-children-home-against-medical-advice-1.json",
    "tests/cases/heldout-parents-threatening-to-harm-themselves-and-the-children-1.json",
    "tests/cases/heldout-parents-who-are-professionals-1.json",
    "tests/cases/heldout-parents-who-ask-for-help-saying-they-cannot-cope-1.json",
    "tests/cases/heldout-parents-who-obstruct-enquiries-1.json",
    "tests/cases/heldout-parents-with-chronic-illness-and-disability-1.json",
    "tests/cases/heldout-parents-with-conspiracy-beliefs-refusing-services-1.json",
    "tests/cases/heldout-parents-with-learning-disabilities-and-advocates-1.json",
    "tests/cases/heldout-parents-with-personality-disorder-and-emotional-volatility-1.json",
    "tests/cases/heldout-parents-with-sensory-impairments-deaf-and-blind-parents-1.json",
    "tests/cases/heldout-parents-with-serious-physical-illness-in-hospital-for-weeks-1.json",
    "tests/cases/heldout-part-time-timetables-and-children-out-of-school-for-health-reasons-1.json",
    "tests/cases/heldout-patterns-over-time-repeated-events-and-windows-1.json",
    "tests/cases/heldout-perinatal-mental-health-team-1.json",
    "tests/cases/heldout-perplexing-presentations-and-fabricated-illness-in-school-age-children-1.json",
    "tests/cases/heldout-persistent-crying-babies-and-parents-at-breaking-point-1.json",
    "tests/cases/heldout-persistent-untreated-health-conditions-head-lice-scabies-eczema-glasses-1.json",
    "tests/cases/heldout-pharmacy-dental-optical-fire-1.json",
    "tests/cases/heldout-phone-repair-shops-and-photo-labs-finding-images-1.json",
    "tests/cases/heldout-physical-punishment-and-discipline-1.json",
    "tests/cases/heldout-poisoning-and-medicines-at-home-1.json",
    "tests/cases/heldout-police-1.json",
    "tests/cases/heldout-police-control-room-1.json",
    "tests/cases/heldout-police-neighbourhood-officers-and-pcsos-1.json",
    "tests/cases/heldout-police-powers-custody-1.json",
    "tests/cases/heldout-police-searches-of-children-and-appropriate-adults-1.json",
    "tests/cases/heldout-positions-of-trust-1.json",
    "tests/cases/heldout-poverty-housing-1.json",
    "tests/cases/heldout-practitioner-judgement-1.json",
    "tests/cases/heldout-practitioner-view-differs-1.json",
    "tests/cases/heldout-pregnancy-advisory-and-abortion-services-1.json",
    "tests/cases/heldout-pregnancy-termination-and-confidentiality-under-eighteen-1.json",
    "tests/cases/heldout-pregnant-teenagers-and-young-fathers-1.json",
    "tests/cases/heldout-prescription-medicines-sold-or-misused-by-teenagers-1.json",
    "tests/cases/heldout-primary-age-children-repeating-extremist-or-hateful-views-1.json",
    "tests/cases/heldout-primary-age-children-with-several-small-worries-that-add-up-1.json",
    "tests/cases/heldout-primary-age-mental-health-and-self-harm-1.json",
    "tests/cases/heldout-primary-age-sexualised-behaviour-and-pornography-1.json",
    "tests/cases/heldout-primary-children-bringing-a-parents-drugs-cash-or-weapons-to-school-1.json",
    "tests/cases/heldout-primary-playground-and-lunchtime-1.json",
    "tests/cases/heldout-prison-mother-and-baby-units-and-women-in-custody-1.json",
    "tests/cases/heldout-prisoners-families-and-faith-settings-1.json",
    "tests/cases/heldout-private-tutors-and-one-to-one-lessons-1.json",
    "tests/cases/heldout-professionals-as-parents-and-transferable-risk-1.json",
    "tests/cases/heldout-proportion-1.json",
    "tests/cases/heldout-protective-factors-and-when-they-count-1.json",
    "tests/cases/heldout-protests-activism-and-public-order-1.json",
    "tests/cases/heldout-puberty-periods-and-early-development-in-primary-schools-1.json",
    "tests/cases/heldout-public-front-desks-1.json",
    "tests/cases/heldout-pupil-referral-units-and-alternative-provision-1.json",
    "tests/cases/heldout-pupils-who-hurt-staff-or-other-pupils-in-primary-and-special-schools-1.json",
    "tests/cases/heldout-radicalisation-teens-1.json",
    "tests/cases/heldout-recent-rape-or-sexual-assault-of-a-teenager-1.json",
    "tests/cases/heldout-recurrent-care-proceedings-and-new-pregnancies-1.json",
    "tests/cases/heldout-refuge-and-domestic-abuse-outreach-1.json",
    "tests/cases/heldout-refugee-families-and-trauma-1.json",
    "tests/cases/heldout-refusing-treatment-1.json",
    "tests/cases/heldout-registered-sex-offenders-seeking-contact-or-moving-in-1.json",
    "tests/cases/heldout-relatives-with-severe-mental-illness-violent-at-home-1.json",
    "tests/cases/heldout-remote-consultations-by-phone-or-video-1.json",
    "tests/cases/heldout-remote-learning-and-what-staff-see-on-camera-1.json",
    "tests/cases/heldout-repeated-referrals-by-separated-parents-about-each-other-1.json",
    "tests/cases/heldout-residential-family-centres-and-mother-and-baby-units-1.json",
    "tests/cases/heldout-residential-special-school-placements-1.json",
    "tests/cases/heldout-restraint-special-settings-1.json",
    "tests/cases/heldout-restrictive-diets-and-food-ideology-1.json",
    "tests/cases/heldout-restrictive-practices-at-home-for-disabled-children-1.json",
    "tests/cases/heldout-retail-security-and-shoplifting-1.json",
    "tests/cases/heldout-retractions-and-disputed-allegations-1.json",
    "tests/cases/heldout-risky-relatives-visiting-at-holidays-and-family-gatherings-1.json",
    "tests/cases/heldout-road-and-e-scooters-1.json",
    "tests/cases/heldout-road-safety-and-drink-driving-carers-1.json",
    "tests/cases/heldout-rse-lessons-and-classroom-disclosures-1.json",
    "tests/cases/heldout-rural-and-farming-families-1.json",
    "tests/cases/heldout-rural-and-isolated-families-1.json",
    "tests/cases/heldout-same-age-teenagers-sharing-nudes-1.json",
    "tests/cases/heldout-school-admissions-and-managed-moves-1.json",
    "tests/cases/heldout-school-age-children-where-a-parents-illness-or-drinking-meets-a-worry-at-school-1.json",
    "tests/cases/heldout-school-counsellors-and-wellbeing-services-1.json",
    "tests/cases/heldout-school-dsl-week-1.json",
    "tests/cases/heldout-school-exchange-visits-and-host-families-abroad-1.json",
    "tests/cases/heldout-school-filtering-and-monitoring-alerts-1.json",
    "tests/cases/heldout-school-immunisation-teams-1.json",
    "tests/cases/heldout-school-nurse-drop-in-1.json",
    "tests/cases/heldout-school-office-and-attendance-officers-1.json",
    "tests/cases/heldout-school-photography-filming-and-children-whose-identity-must-be-protected-1.json",
    "tests/cases/heldout-school-site-staff-caretakers-cleaners-and-catering-1.json",
    "tests/cases/heldout-school-transport-and-escorts-1.json",
    "tests/cases/heldout-school-trips-and-residentials-1.json",
    "tests/cases/heldout-schools-1.json",
    "tests/cases/heldout-schools-2.json",
    "tests/cases/heldout-scouts-of-allegations-sports-governing-bodies-1.json",
    "tests/cases/heldout-seasonal-and-migrant-worker-families-1.json",
    "tests/cases/heldout-second-hand-anonymous-and-hearsay-information-1.json",
    "tests/cases/heldout-separated-families-1.json",
    "tests/cases/heldout-separated-parents-disagreeing-about-medical-care-1.json",
    "tests/cases/heldout-serious-violence-family-1.json",
    "tests/cases/heldout-service-and-shift-working-families-1.json",
    "tests/cases/heldout-sex-relationships-and-capacity-for-young-people-with-learning-disabilities-1.json",
    "tests/cases/heldout-sex-work-outreach-and-parents-1.json",
    "tests/cases/heldout-sextortion-and-online-gaming-1.json",
    "tests/cases/heldout-sextortion-of-teenage-boys-1.json",
    "tests/cases/heldout-sexual-abuse-disclosed-long-after-1.json",
    "tests/cases/heldout-sexual-abuse-in-the-family-1.json",
    "tests/cases/heldout-sexual-abuse-within-the-family-disclosures-and-signs-1.json",
    "tests/cases/heldout-sexual-emotional-1.json",
    "tests/cases/heldout-sexual-health-1.json",
    "tests/cases/heldout-sexualised-home-environment-1.json",
    "tests/cases/heldout-sexually-transmitted-infections-and-sexual-health-findings-in-under-sixteens-1.json",
    "tests/cases/heldout-short-breaks-and-respite-care-1.json",
    "tests/cases/heldout-short-let-flats-and-holiday-rentals-used-for-parties-and-exploitation-1.json",
    "tests/cases/heldout-sibling-harm-and-sibling-abuse-1.json",
    "tests/cases/heldout-sibling-headed-households-and-older-siblings-as-carers-1.json",
    "tests/cases/heldout-siblings-1.json",
    "tests/cases/heldout-siblings-of-seriously-ill-or-disabled-children-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-in-adult-services-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-in-supported-accommodation-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-selling-content-on-subscription-sites-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-sofa-surfing-and-hidden-homelessness-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-where-home-and-outside-worries-meet-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-with-several-vulnerabilities-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-year-olds-in-adult-hospital-wards-and-services-1.json",
    "tests/cases/heldout-sixteen-and-seventeen-year-olds-in-relationships-with-adults-1.json",
    "tests/cases/heldout-sixteen-seventeen-refusing-help-1.json",
    "tests/cases/heldout-social-care-contact-centre-calls-1.json",
    "tests/cases/heldout-social-media-challenges-and-viral-harm-1.json",
    "tests/cases/heldout-social-worker-statutory-visits-1.json",
    "tests/cases/heldout-sole-carer-arrested-or-taken-to-hospital-1.json",
    "tests/cases/heldout-special-schools-and-sen-transport-1.json",
    "tests/cases/heldout-specific-harms-1.json",
    "tests/cases/heldout-speech-language-and-audiology-1.json",
    "tests/cases/heldout-sports-clubs-weekend-volunteers-1.json",
    "tests/cases/heldout-sports-concussion-overtraining-and-injured-children-pushed-to-play-1.json",
    "tests/cases/heldout-stalking-harassment-and-threats-against-teens-1.json",
    "tests/cases/heldout-step-down-and-case-closure-while-worries-remain-1.json",
    "tests/cases/heldout-step-families-and-step-siblings-1.json",
    "tests/cases/heldout-steroids-supplements-and-body-image-in-teenage-boys-1.json",
    "tests/cases/heldout-sudden-unexplained-change-as-the-only-sign-1.json",
    "tests/cases/heldout-sudden-weight-loss-or-gain-noticed-at-school-1.json",
    "tests/cases/heldout-sugar-dating-and-transactional-relationships-1.json",
    "tests/cases/heldout-suicide-risk-and-postvention-1.json",
    "tests/cases/heldout-summer-holiday-programme-1.json",
    "tests/cases/heldout-supplementary-schools-madrassas-and-tuition-centres-1.json",
    "tests/cases/heldout-supported-lodgings-and-youth-hostels-1.json",
    "tests/cases/heldout-surrogacy-donor-conception-and-intercountry-adoption-1.json",
    "tests/cases/heldout-swimming-lessons-and-water-safety-1.json",
    "tests/cases/heldout-tattoos-piercings-and-cosmetic-procedures-1.json",
    "tests/cases/heldout-tech-enabled-control-1.json",
    "tests/cases/heldout-technology-facilitated-abuse-tracking-and-spyware-1.json",
    "tests/cases/heldout-teen-justice-1.json",
    "tests/cases/heldout-teen-mental-health-1.json",
    "tests/cases/heldout-teen-parties-and-sleepovers-1.json",
    "tests/cases/heldout-teen-relationship-abuse-1.json",
    "tests/cases/heldout-teenage-relationship-abuse-told-to-a-school-nurse-or-youth-worker-1.json",
    "tests/cases/heldout-teenagers-changing-faith-or-beliefs-and-the-familys-reaction-1.json",
    "tests/cases/heldout-teenagers-drawn-into-hacking-and-cyber-crime-1.json",
    "tests/cases/heldout-teenagers-driving-car-meets-and-young-people-in-cars-with-older-drivers-1.json",
    "tests/cases/heldout-teenagers-viewing-or-sharing-child-abuse-images-1.json",
    "tests/cases/heldout-teenagers-where-home-and-outside-worries-meet-1.json",
    "tests/cases/heldout-teenagers-who-abuse-their-partners-1.json",
    "tests/cases/heldout-teenagers-who-sexually-harm-1.json",
    "tests/cases/heldout-teenagers-with-diabetes-and-eating-disorders-1.json",
    "tests/cases/heldout-teenagers-working-as-delivery-riders-and-in-the-gig-economy-1.json",
    "tests/cases/heldout-teens-buying-weight-loss-injections-and-medicines-online-1.json",
    "tests/cases/heldout-teens-online-relationships-1.json",
    "tests/cases/heldout-teens-who-protect-a-parent-from-violence-1.json",
    "tests/cases/heldout-thc-spice-vapes-and-nicotine-in-schools-1.json",
    "tests/cases/heldout-the-first-night-emergency-placements-and-police-protection-1.json",
    "tests/cases/heldout-therapists-on-home-visits-1.json",
    "tests/cases/heldout-think-family-1.json",
    "tests/cases/heldout-threshold-boundaries-1.json",
    "tests/cases/heldout-timing-1.json",
    "tests/cases/heldout-toddlers-aged-one-to-four-with-two-or-more-worries-1.json",
    "tests/cases/heldout-toddlers-and-preschoolers-with-injuries-at-home-1.json",
    "tests/cases/heldout-tradespeople-and-home-visitors-1.json",
    "tests/cases/heldout-trading-standards-and-underage-sales-1.json",
    "tests/cases/heldout-trafficking-and-modern-slavery-1.json",
    "tests/cases/heldout-transport-hubs-1.json",
    "tests/cases/heldout-unborn-and-fabricated-illness-1.json",
    "tests/cases/heldout-unborn-babies-one-worry-against-several-1.json",
    "tests/cases/heldout-uncertain-practitioners-1.json",
    "tests/cases/heldout-under-18-university-students-1.json",
    "tests/cases/heldout-under-eighteens-on-adult-dating-and-hook-up-apps-1.json",
    "tests/cases/heldout-under-sixteens-attending-health-services-alone-1.json",
    "tests/cases/heldout-uniformed-youth-and-camps-1.json",
    "tests/cases/heldout-unintentional-injuries-and-home-safety-1.json",
    "tests/cases/heldout-university-summer-schools-1.json",
    "tests/cases/heldout-unprescribed-remedies-cannabis-oil-melatonin-and-herbal-treatments-1.json",
    "tests/cases/heldout-unregistered-childrens-homes-and-unregulated-placements-1.json",
    "tests/cases/heldout-unsafe-sleep-co-sleeping-and-sofa-sleeping-with-alcohol-or-drugs-1.json",
    "tests/cases/heldout-violence-fixated-young-people-and-online-com-networks-1.json",
    "tests/cases/heldout-violent-parent-released-from-prison-returning-home-1.json",
    "tests/cases/heldout-virtual-reality-headsets-and-immersive-online-worlds-1.json",
    "tests/cases/heldout-virtual-school-and-personal-education-plans-1.json",
    "tests/cases/heldout-was-not-brought-missed-health-appointments-1.json",
    "tests/cases/heldout-water-safety-1.json",
    "tests/cases/heldout-weekend-binge-drinking-and-hungover-parents-1.json",
    "tests/cases/heldout-wetting-soiling-and-toileting-in-school-age-children-1.json",
    "tests/cases/heldout-when-to-tell-the-family-and-when-not-to-1.json",
    "tests/cases/heldout-women-who-sexually-abuse-children-1.json",
    "tests/cases/heldout-worries-seen-only-online-by-a-practitioner-1.json",
    "tests/cases/heldout-worries-where-the-childs-age-is-not-known-1.json",
    "tests/cases/heldout-worrying-behaviour-1.json",
    "tests/cases/heldout-young-carers-and-children-caring-for-a-parent-in-crisis-1.json",
    "tests/cases/heldout-young-carers-and-private-fostering-1.json",
    "tests/cases/heldout-young-children-on-online-games-with-strangers-1.json",
    "tests/cases/heldout-young-children-out-alone-late-at-night-1.json",
    "tests/cases/heldout-young-children-shown-violent-or-adult-content-by-carers-1.json",
    "tests/cases/heldout-young-parents-1.json",
    "tests/cases/heldout-young-parents-and-conception-ages-1.json",
    "tests/cases/heldout-young-people-in-gangs-and-county-lines-exit-work-1.json",
    "tests/cases/heldout-young-people-in-mental-health-crisis-waiting-for-a-bed-1.json",
    "tests/cases/heldout-young-people-refusing-their-own-treatment-1.json",
    "tests/cases/heldout-young-people-trying-to-leave-gangs-1.json",
    "tests/cases/heldout-young-people-who-go-missing-from-home-repeatedly-1.json",
    "tests/cases/heldout-young-people-who-harm-and-are-harmed-1.json",
    "tests/cases/heldout-young-people-who-harm-others-online-1.json",
    "tests/cases/heldout-young-peoples-substance-use-service-1.json",
    "tests/cases/heldout-younger-siblings-of-young-people-in-gangs-or-serious-violence-1.json",
    "tests/cases/heldout-youth-and-sport-1.json",
    "tests/cases/heldout-youth-custody-and-secure-settings-1.json",
    "tests/cases/heldout-youth-offending-and-court-work-1.json",
    "tests/cases/heldout-youth-offending-victims-and-restorative-justice-1.json",
    "tests/cases/heldout-youth-sport-coaches-residential-tours-1.json",
    "tests/cases/heldout-youth-worker-evening-1.json",
    "tests/cases/outside-education.json",
    "tests/cases/outside-exploitation.json",
    "tests/cases/outside-missing.json",
    "tests/cases/outside-online.json",
    "tests/cases/outside-trafficking.json",
    "tests/cases/outside-violence.json",
    "tests/cases/regression-second-readings-2.json",
    "tests/cases/regression-second-readings.json",
    "tests/cases/routes-cover.json",
    "tests/cases/safety-age.json",
    "tests/cases/safety-consent.json",
    "tests/cases/safety-cp-floors.json",
    "tests/cases/safety-danger-now.json",
    "tests/cases/safety-escalation.json",
    "tests/cases/safety-missing.json",
    "tests/cases/safety-proportion.json",
    "tests/cases/safety-suspected.json",
    "tests/cases/safety-worry-floor.json",
];

/// The engine's `Json` tree of a JS value made by `JSON.parse`.
fn tree(value: &JsValue) -> waymark::Json {
    use waymark::Json;
    if let Some(s) = value.as_string() {
        Json::String(s)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if Array::is_array(value) {
        Json::Array(Array::from(value).iter().map(|v| tree(&v)).collect())
    } else if value.is_object() {
        let object = Object::from(value.clone());
        Json::Object(Object::keys(&object).iter().map(|k| (k.as_string().expect("a key"), tree(&Reflect::get(&object, &k).expect("a member")))).collect())
    } else {
        Json::Null
    }
}

/// What crosses the boundary is exactly what `JSON.parse` makes of the JSON serde writes (the
/// CLI's), for every answer the page and the CLI give on every scenario and case-bank case,
/// strings sent before and after included (src/wire.rs).
#[wasm_bindgen_test]
fn every_answer_crosses_as_the_json_of_the_same_value() {
    use waymark::{Detail, FromDocument};
    // Practitioner's notes outside ASCII, as the page sends them.
    const LIVES_WITH: &str = "Grandmother — “Nan”";
    const NOTES: &str = "seen 🙂 today";
    let ruleset_text = include_str!("../www/rulesets/england.json");
    let js_engine = JsEngine::new(js(ruleset_text), JsValue::UNDEFINED).expect("compiles");
    let engine = waymark::Engine::new(&tree(&js(ruleset_text)), None).expect("compiles natively");
    let same = |crossed: Result<JsValue, JsValue>, native: String, what: &str| {
        let crossed = String::from(JSON::stringify(&crossed.unwrap_or_else(|e| panic!("{what}: {e:?}"))).expect("stringifies"));
        let expected = String::from(JSON::stringify(&js(&native)).expect("stringifies"));
        if crossed != expected {
            let at = crossed.chars().zip(expected.chars()).take_while(|(a, b)| a == b).count();
            let near = |s: &str| s.chars().skip(at.saturating_sub(60)).take(120).collect::<String>();
            panic!("{what}: differs at character {at}:\n crossed: …{}…\n    JSON: …{}…", near(&crossed), near(&expected));
        }
    };
    same(js_engine.describe(), serde_json::to_string(&engine.describe()).expect("JSON"), "describe");
    let mut points = 0;
    for (path, text) in CASE_FILES {
        let scenario_js = js(text);
        let scenario = waymark::Scenario::from_tree(&tree(&scenario_js)).unwrap_or_else(|e| panic!("{path}: {e}"));
        same(js_engine.check_scenario(scenario_js.clone()), serde_json::to_string(&waymark::run_scenario(&engine, &scenario)).expect("JSON"), path);
        for (index, point) in scenario.time_points.iter().enumerate() {
            let what = format!("{path} {}", point.id);
            let case_js = get(&scenario_js, &format!("timePoints.{index}.case"));
            for (detail, options) in [(Detail::Guidance, js(r#"{"trace": false}"#)), (Detail::Full, js(r#"{"trace": true}"#))] {
                let compact = engine.assess_compact(&point.case, detail).expect("assesses");
                same(js_engine.guidance(case_js.clone(), options.clone()), serde_json::to_string(&compact).expect("JSON"), &what);
                let whole = engine.assess_with(&point.case, detail).expect("assesses");
                same(js_engine.assess(case_js.clone(), options), serde_json::to_string(&whole).expect("JSON"), &what);
            }
            let whole = engine.assess_with(&point.case, Detail::Guidance).expect("assesses");
            let hand_on = waymark::hand_on(&whole, waymark::Notes { lives_with: LIVES_WITH, notes: NOTES });
            let text = hand_on.text(true);
            same(
                js_engine.hand_on(case_js, LIVES_WITH.into(), NOTES.into(), true.into()),
                serde_json::to_string(&waymark::HandedOn { hand_on, text }).expect("JSON"),
                &what,
            );
            points += 1;
        }
    }
    // Counted from the files as JS reads them, not from the scenarios read above.
    let listed: u32 = CASE_FILES.iter().map(|(_, text)| get(&js(text), "timePoints.length").as_f64().expect("a length") as u32).sum();
    assert!(listed > 500, "{listed} time points");
    assert_eq!(points, listed, "every time point of every file");
}
