namespace BackSiteGen.Corpus;

/// <summary>
/// Fixed vocabulary. Short, common words in short sentences keep the text at the reading grade
/// the real content targets, so readability checks do the same work on the corpus as on a real
/// site. Headings are letters and spaces only so every tool derives the same anchor ids, and the
/// two heading lists never share an entry so a page's anchors are unique.
/// </summary>
internal static class Words
{
    public static readonly string[] Topics =
    [
        "Back pain at work", "Sleep with a sore back", "Walks for a stiff back", "Lifting with care",
        "Heat and cold packs", "Pain when you sit", "Stretches for the morning", "Back pain in the car",
        "Talking to your doctor", "Pain that comes and goes", "Moving after a flare", "Care at home",
        "Back pain and stress", "Shoes and your back", "Back pain and weight", "Pain in the night",
        "Gentle yoga for the back", "Swimming for back pain", "Desk set up", "Back pain and kids",
        "Pain and the weather", "Back care for carers", "Rest and pacing", "Help for a bad day",
    ];

    public static readonly string[] SectionHeadings =
    [
        "What this page covers", "How the pain feels", "Why it hurts", "What you can do today",
        "When to rest", "When to move", "Simple steps at home", "Things to avoid",
        "When to get care", "What your doctor may ask", "How long it lasts", "Signs it is getting better",
        "Signs it is getting worse", "Tips for the day", "Tips for the night", "Help from others",
        "Keep a pain diary", "Plan your week", "Set small goals", "Common myths",
        "Questions people ask", "What the research says", "Care that helps", "Care that does not help",
        "Your next steps", "A short summary", "Ways to stay calm", "How to pace yourself",
    ];

    public static readonly string[] SubsectionHeadings =
    [
        "In the morning", "At work", "At home", "In bed", "On the move", "With kids",
        "In the car", "At the shops", "On a long trip", "With a friend", "On your own", "After a fall",
        "After a long day", "Before you lift", "While you sit", "While you stand", "When you bend", "When you twist",
        "If you feel numb", "If the pain spreads", "If you have a fever", "If you cannot sleep",
        "For older adults", "For young adults", "For new parents", "For people who run",
        "Heat or ice", "Rest or walk", "Soft or firm bed", "Short or long walks",
    ];

    public static readonly string[] Subjects =
    [
        "You", "Most people", "Your doctor", "A nurse", "Your body", "A friend", "Many of us", "We",
        "Your team", "This plan", "A short walk", "Good sleep",
    ];

    public static readonly string[] Verbs =
    [
        "can try", "may need", "should get", "can use", "may want", "can plan", "will like", "can find",
        "might need", "can ask for",
    ];

    public static readonly string[] Objects =
    [
        "a short walk", "the pain", "a warm pack", "a good rest", "your back", "a slow stretch",
        "some time off", "a firm chair", "a soft pad", "a small goal", "a glass of water", "the next step",
        "a call to the clinic", "a break from work", "a new plan", "a bit of help",
    ];

    public static readonly string[] Tails =
    [
        "each day", "at home", "in the morning", "at night", "for a few days", "when it hurts",
        "at work", "with care", "step by step", "as you get well", "over time", "if you can",
        "most of the time", "on bad days", "on good days", "before bed",
    ];

    public static readonly string[] ListItems =
    [
        "Take a short walk", "Sit in a firm chair", "Use a warm pack", "Keep a pain diary",
        "Drink some water", "Stand up each hour", "Bend your knees to lift", "Ask for help with heavy things",
        "Sleep on your side", "Try a slow stretch", "Wear flat shoes", "Rest for a short time",
        "Call the clinic if it gets worse", "Plan the day in small parts", "Breathe in and out slowly",
        "Tell your doctor what helps",
    ];

    public static readonly string[] TableActivities =
    [
        "Walk", "Stretch", "Swim", "Rest", "Lift", "Sit", "Stand", "Bike", "Yoga", "Sleep",
    ];

    public static readonly string[] TableAmounts =
    [
        "5 minutes", "10 minutes", "15 minutes", "20 minutes", "Once a day", "Twice a day", "Each hour",
    ];

    public static readonly string[] TableNotes =
    [
        "Go slow", "Stop if it hurts", "Keep it short", "Ask your doctor", "Use a pad", "Take a break",
        "Breathe out", "Keep your back straight",
    ];
}
