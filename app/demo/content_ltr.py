"""Demo posts in English and Spanish, written for Apiary."""

POSTS: list[dict] = [
    # ------------------------------------------------------------------
    # English buzz — trail-running
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Ran the ridge loop this morning before the fog burned off. Eleven kilometres, 430 m of climbing, and not a single other person until the last descent. Some days the trail is the whole point.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Question for the group: how are you carrying water on runs over three hours now that the creeks are dry? I'm torn between a vest with two soft flasks and just accepting a bladder.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Reminder that **downhill is a skill**. I spent one winter doing short, quick-cadence descents once a week and my quads finally stopped screaming in the last third of long races.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Signed up for my first 50K. Terrified, excited, and already over-researching gels. The training plan starts Monday: 18 weeks.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Tripped on a rooty section today and the only casualties were my pride and a bit of knee skin. Lesson relearned: lift your feet when you're tired, especially in the final mile.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Our Thursday group has grown to fourteen people, so we now split into a chatty pace and a 'please don't talk to me on the climbs' pace. Both are welcome.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "I logged every run this year in a plain CSV: date, distance, vert, and how I felt on a 1–5 scale. Turns out my 'felt' score tracks sleep far better than mileage. Not surprising, still humbling.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Small gear note: switching to shoes with a wider toe box fixed the black toenail problem I'd had for two seasons. Should have listened to the podiatrist sooner.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Volunteered at an aid station last weekend instead of racing. Handing out watermelon and pickles to runners at kilometre 38 is honestly one of the best ways to spend a Saturday.",
    },
    # ------------------------------------------------------------------
    # English buzz — arabic-calligraphy
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Spent the evening repeating the letter *alif* in thuluth until the rhombic dots started to look consistent. Forty attempts, maybe six worth keeping. Slow progress is still progress.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Can anyone recommend a paper that takes ink well without feathering? I've been practising on sized card stock but it's getting expensive for daily exercise sheets.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Finished my first full line of naskh that I'm not embarrassed to show. My teacher circled three letters in red and said 'better'. I'll take it.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "What nobody told me about calligraphy: half the work is preparing the tools. Cutting the nib, mixing the ink, burnishing the paper. The writing is the last ten minutes.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Visited an exhibition of old Qur'an manuscripts today. Standing close to a page where every stroke is confident and unhurried is the best motivation to keep practising.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Trying diwani for the first time after two years of naskh. The curves feel like they're fighting me; everything wants to lean and overlap. Any beginner drills you'd recommend?",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "I made a small grid template for letter proportions based on dot heights and printed a stack of them. Happy to share the PDF with anyone in this hive who wants it.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "The lettering workshop for kids at the library went well: twenty children, reed pens, and a lot of ink on sleeves. One girl wrote her name beautifully on the very first try.",
    },
    # ------------------------------------------------------------------
    # English buzz — data-journalism
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "We published our analysis of school bus delays today. The most useful thing we did was call the transport office *before* running any numbers: they explained three different codes for 'late' that would have wrecked our averages.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Mild hot take: a static chart with a title that states the finding beats a clever interactive nine times out of ten. Readers on phones don't tap.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "If you work with public procurement data, the [open contracting standard](https://example.org/ocds) is worth an afternoon of reading. It made joining our city and county datasets far less painful.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Spent two days reconciling hospital bed counts that differed between two official reports. The answer: one counted staffed beds, the other licensed beds. Always read the footnotes.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Our newsroom finally has a shared checklist for data stories:\n\n- Where did the data come from?\n- What's missing from it?\n- Who checked the code?\n- Can a reader reproduce the headline number?",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Just wrapped a spreadsheet workshop for local reporters. The biggest lightbulb moment of the day was still `VLOOKUP`, the eternal gateway to data journalism.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Killed my own story pitch today after the numbers didn't hold up. Annoying, but a dead pitch is much better than a correction.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Anyone else tracking how many council meeting minutes are posted as scanned PDFs? We counted 61% in our region. OCR is doing a lot of unpaid labour in local news.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Looking for a reporting partner in the north-west who knows housing data. We have five years of eviction filings and far too many open questions.",
    },
    # ------------------------------------------------------------------
    # English buzz — urban-gardening
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "First ripe tomato of the season, from a 20-litre bucket on the fire escape. It tasted like sunshine and mild smugness.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Our community garden's compost bays are finally sorted: one for fresh material, one cooking, one ready to use. It took three seasons of friendly arguing to get there.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Tip for balcony growers: **water in the morning**, not the evening. Plants get what they need before the heat of the day and you'll see fewer fungal problems overnight.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Aphids discovered the kale. I tried a soapy water spray and then, much more effectively, waited for the ladybirds from the next plot to move in. Community in action.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "We're running a seed swap at the library on the first Saturday of next month. Bring anything you saved last year, labelled with the variety and year if you can.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Measured the light on my north-facing windowsill with a cheap lux meter. Verdict: not enough for anything fruiting, plenty for mint, parsley and lettuce. Adjusting expectations accordingly.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Rain barrel installed under the shed gutter. After one storm it's already full, which is roughly 200 litres I don't have to pay for.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Grew potatoes in a grow bag for the first time. Tipping it out onto a tarp and finding the tubers felt like a treasure hunt. Eleven potatoes, one very happy gardener.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "The city just approved two vacant lots for community gardens. If you live near the river district and want a plot, the waiting list opens next week.",
    },
    # ------------------------------------------------------------------
    # English buzz — open-source-python
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Released v0.4 of my little config-loading library. The headline change: it now refuses to silently ignore unknown keys. Technically breaking, but the number of typos it catches is worth it.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "PSA: if your test suite takes more than a minute, try `pytest -x --lf` while iterating. Re-running only the last failures changed my whole feedback loop.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Reviewing a first-time contributor's pull request is a privilege. Be kind, be specific, and if the change is 90% there, consider finishing the last 10% yourself and crediting them.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "We moved our project from `setup.py` to `pyproject.toml` this week. The diff was small; the number of outdated blog posts I had to ignore along the way was not.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Type hints caught a real bug today: a function that could return `None` on a rare path was being passed straight into `.strip()`. The type checker earned its keep.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Triaging our issue tracker with one simple rule: if we can't reproduce it within two weeks and the reporter has gone quiet, we close it with a friendly note. Backlog down from 340 to 120.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Hosting a sprint at the next meetup for people who have never contributed to open source. We've tagged twenty issues as `good first issue` and we'll pair everyone up with a mentor.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Underrated standard library module: `dataclasses`. Before reaching for a heavier dependency, check whether a frozen dataclass with `slots=True` already does the job.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Spent the afternoon profiling a slow CSV import. Most of the time went into a regex being compiled inside a loop. Moved it to module level and the job dropped from 40 seconds to 9.",
    },
    # ------------------------------------------------------------------
    # English buzz — documentary-photography
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Back from three weeks photographing seasonal fruit pickers. Edited 4,000 frames down to 38. The hardest cuts were the technically beautiful images that didn't move the story forward.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "More and more convinced that the most important piece of kit is a notebook. Names, dates, what people told me, and what they asked me not to publish.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Working in low light with a 35mm at f/2 and ISO 6400 this month. Grain doesn't bother me; missing the moment does.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Our collective is putting together a small zine on the last working textile mill in the valley. Printing 300 copies, with all proceeds going to the workers' hardship fund.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Asked a subject to review her captions before publication for the first time. She corrected two facts and one word choice that would have embarrassed us both. Doing this every time from now on.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Has anyone found grants for long-form documentary work that isn't tied to a specific publication? Looking for leads beyond the usual two or three foundations.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Reminder that metadata is part of the archive. Put the caption, location and date in the file itself, not just in your head or a separate spreadsheet.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Portfolio review tomorrow with an editor I really admire. Printed twenty small work prints so we can move them around on the table. Nervous in the good way.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Went back to photograph a family I first met five years ago. The kids are teenagers now. Long projects reward patience in ways that deadlines never do.",
    },
    # ------------------------------------------------------------------
    # English buzz — sourdough
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Today's bake: 75% hydration, 20% whole wheat, cold retard overnight. The ear finally showed up. I may frame this loaf.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "My starter has lived in the fridge with one feed a week for a full year now. It's fine. You don't need to feed it twice a day unless you bake every day.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Tried a wheat-stalk score for the first time. It looked great going into the oven and like a small explosion coming out. Still delicious.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Bakery news: we're adding a **100% rye** loaf to the Saturday menu. Dense, sour, keeps for a week. Not for everyone, which is exactly why I love it.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Flat loaves usually come down to one of three things: over-proofing, under-developed gluten or a sluggish starter. Start by checking that your starter doubles within 6–8 hours.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Ran a side-by-side with a 30-minute autolyse versus my usual hour. Honestly, I couldn't tell the crumbs apart. Curious whether anyone else has tested this.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Gave away half a kilo of starter to neighbours this week. Three new bakers on our street. This is how it spreads.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Dutch oven tip: preheat for a full 45 minutes with the lid on. My loaves used to have pale bottoms and the fix was simply patience.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Made focaccia with leftover discard and the oil from a jar of sun-dried tomatoes. Zero waste, maximum dimples.",
    },
    # ------------------------------------------------------------------
    # English buzz — ux-research
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Ran five usability sessions on our new onboarding flow today. Four of the five people missed the 'skip' link entirely. Sometimes five really is plenty.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Gentle reminder that 'would you use this?' is a terrible interview question. Ask about the last time they actually did the thing.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Our research repository now has one rule: every insight links to at least two raw sources, such as a clip, a quote or a support ticket. No orphan insights.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Presented findings to leadership with one slide per decision instead of one slide per theme. Much shorter meeting, much clearer outcomes.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Recruiting participants who use screen readers for an accessibility study. Paid, remote, 60 minutes. If you know someone who might be interested, please point them my way.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Diary studies are underrated for anything that unfolds over weeks: budgeting, job hunting, managing a chronic condition. One-off interviews just can't capture the rhythm.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Learned the hard way: always run a pilot session. Our task script had a typo that made task three impossible. Much better to discover that with a colleague than with a participant.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Card sort results for the help centre are in. People group articles by *what they're trying to do*, not by product feature. Navigation overhaul incoming.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Favourite note-taking setup lately: one observer types verbatim quotes while another logs behaviours with timestamps. Synthesis goes about twice as fast.",
    },
    # ------------------------------------------------------------------
    # English buzz — climate-tech
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Our pilot of smart thermostats in social housing just reached the one-year mark. Average heating use is down 14%, but the bigger win for tenants was fewer mould complaints.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "If you're job hunting in climate tech: grid software, battery analytics and building retrofit companies are all hiring engineers who have never worked in energy. Domain knowledge can be learned on the job.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Spent the day reading interconnection queue data. Enormous amounts of solar and storage are waiting for grid connections. The bottleneck isn't panels, it's paperwork and transformers.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Finally installed a heat pump at home. First winter of data: **seasonal COP around 3.1**, and that's in an old house with mediocre insulation.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Carbon accounting tools are getting better, but scope 3 is still mostly estimates built on estimates. Please show the uncertainty in your dashboards.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Hosting a reading group on grid-scale storage next month. We'll start with round-trip efficiency and battery degradation. No prior knowledge needed, just curiosity.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Small win: our open dataset of public EV charger uptime now updates daily. In our survey, broken chargers worried drivers more than range did.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Maps of our city's tree canopy line up almost perfectly with summer surface temperatures. Planting trees is climate tech too.",
    },
    # ------------------------------------------------------------------
    # English buzz — chess-club
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Finally broke 1600 in rapid after a year stuck around 1500. What changed: I stopped playing blitz when tired and started reviewing every single loss.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Club night recap: 22 players, a simul against our strongest member (she won 11 and drew 1), and far too much pizza.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Endgame study of the week: king and pawn versus king. If you can't explain the opposition to a friend, you don't really know it yet. I didn't.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Playing the London System because it's low maintenance. I know, I know. It's a work-life balance decision.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "We're starting a beginners' table on Tuesday evenings. No clocks, no ratings, just learning how the pieces move and why.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Lost a winning position on time again. New personal rule: under two minutes on the clock, I play the safe move, not the best move.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Correspondence chess is the perfect hobby alongside a busy job. One move a day over coffee, zero pressure, and games that last for months.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Our team took second place in the regional league. On board four, a 12-year-old in her first season went the whole way undefeated.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Tactics puzzles before bed are my new routine: twenty minutes, no more. After a month my pattern recognition in real games has noticeably improved.",
    },
    # ------------------------------------------------------------------
    # English buzz — freelance-translators
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "A client asked for a 'quick look' at a 12,000-word contract by tomorrow morning. I politely quoted my rush rate. It turned out they could wait until Thursday after all.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Working on a medical device manual and building the glossary as I go. Forty terms in, and I've already caught two inconsistencies in the source text.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Reminder: machine translation post-editing is a service with its own rate. It is not 'just checking'. Price it properly.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Invoicing tip: send the invoice the same day you deliver. My average payment time dropped by nine days once I stopped batching invoices at the end of the month.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Two years into freelancing and I finally have a proper contract template with payment terms, confidentiality and a clause about source-text quality. Should have written it in month one.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Does anyone run a CAT tool on Linux without a virtual machine? Asking for a friend (the friend is me).",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Translated a children's picture book this month: rhyme, wordplay and a strict character limit per page. Hardest job of the year, and by far the most fun.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Our small translators' co-op now keeps a shared style guide for clients who split work across several of us. Consistency went up and revision rounds went down.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Turned down a job today because the deadline left no time for a second read. Saying no is part of quality control.",
    },
    # ------------------------------------------------------------------
    # English buzz — jazz
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Played my first jam session in over a year. Fumbled the bridge on rhythm changes, recovered on the last A section. The band smiled. That's the whole deal.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Transcribing a trumpet solo on double bass is humbling. The phrasing only makes sense once I sing it first.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Our trio has a residency every Wednesday in the back room of a bookshop. Forty seats, no amplification, and the best listening audience in town.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Practice note: set the metronome to 40 and hear the clicks as beats 2 and 4. If your time is shaky, this will tell you immediately.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Looking for a drummer for a wedding gig in June. Standards, a couple of bossas, and one inevitable request for the song everyone requests at weddings.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Teaching piano voicings to my students with just three notes: the third, the seventh and one colour tone. It's amazing how full that sounds.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Recorded our quartet live to two tracks, no overdubs. A few wrong notes, lots of energy. We're releasing it as is.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Best advice I ever got from an older bassist: learn the melody and the lyrics before you solo on a tune. Still true twenty years later.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "The summer festival lineup is out and our little big band got the Sunday afternoon slot. Rehearsals just got serious.",
    },
    # ------------------------------------------------------------------
    # English buzz — no hive (personal and professional news)
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Personal news: after six years at the paper, I'm joining a nonprofit newsroom as data editor. Grateful to everyone who taught me to check my sums twice.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Started a new job this week as a product designer. First task: find the coffee. Second task: read five years of old research reports.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Took a week completely offline. No email, no chat, no feeds. Came back to 600 messages and realised only about a dozen actually needed me.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "We're hiring a **junior backend engineer** who likes boring, reliable systems. Remote within Europe, mentoring built in. Details are [on our careers page](https://example.org/jobs).",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Three habits that improved my work this year:\n\n1. A short weekly note to myself every Friday\n2. Two mornings a week blocked for deep work\n3. Saying 'let me get back to you' instead of an automatic yes",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Gave my first conference talk today. My hands shook for the first two minutes, then it turned into a conversation with a room. Slides are [here](https://example.org/slides) if you're curious.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Mentoring two students this semester through the university's career programme. Their questions are sharper than most of the ones I get at work.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Ten years as a freelancer this month. Still learning how to take a proper holiday.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Quiet week, so I finally updated my portfolio and removed half the projects. It looks better with less in it, which feels like a lesson for other areas of life too.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Moved cities for work. New flat, new commute, same pothos I've been keeping alive since university.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Does anyone have a system for tracking what they read that actually sticks? I've tried apps, notebooks and spreadsheets and abandoned all three by March.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Our team shipped the accessibility overhaul today: keyboard navigation everywhere, visible focus states, and an audit done by people who use screen readers every day. Proud of this one.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Just finished an evening course in statistics. Confidence intervals finally make intuitive sense to me, which is slightly embarrassing given my job title.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Career advice I keep repeating: write down what you did each week. At review time you won't remember, and nobody else will either.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Looking for recommendations for a standing desk that doesn't wobble at full height. Modest budget, small flat.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "A small milestone: the newsletter I started as a side project just passed 2,000 subscribers. Thank you to everyone who forwarded it to a friend.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Recruiter's honest tip: a short, specific cover note beats a long generic one every time. Tell me why *this* role, in three sentences.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Back at my desk after parental leave. Everything has changed and nothing has changed. Catching up one calendar invite at a time.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Just wrapped up a long contract and have capacity from next month for editing work: reports, grant applications and long-form features.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "I turned off every phone notification except calls and messages from family. Two months in, I haven't missed a single thing that mattered.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Graduated! Master's in environmental engineering done, thesis on urban heat islands submitted, and now the job search begins in earnest.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Reading recommendations wanted: non-fiction about how cities actually work. I've read the obvious classics and I'm after something less famous.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "The best meeting I had this week was a fifteen-minute walk with a colleague. No slides, one decision.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Joined the board of our local library's friends group. If your town has one, consider volunteering; they do a lot with very little.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Learning to cook one new dish a week this year. Week 14: a proper tarka dal. My flat smells incredible.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Working from a coworking space two days a week instead of my kitchen table. Productivity is up. So is my snack budget.",
    },
    {
        "lang": "en",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Writing my first grant application as lead author. If you have tips on writing a budget justification that reviewers actually read, I'm all ears.",
    },
    # ------------------------------------------------------------------
    # English honey (long-form articles)
    # ------------------------------------------------------------------
    {
        "lang": "en",
        "kind": "honey",
        "hive": "open-source-python",
        "title": "How our small library finally settled its dependency pinning policy",
        "body": r"""## The argument we kept having

For two years our small library had the same debate before every release: should we pin dependencies tightly or allow wide ranges? The people on the team who build applications wanted reproducibility. Our users wanted us to stop fighting with their other packages.

We finally wrote a policy down, and it fits on an index card:

- **Libraries** declare the widest range they have actually tested, with a lower bound and no upper bound unless there is a known break.
- **Applications and CI** use a lock file that a bot regenerates once a week.
- **Upper bounds** are only added together with a linked issue that explains the incompatibility.

## Testing the lower bound

The step most projects skip is testing the minimum versions they claim to support. We added a CI job that installs the oldest allowed version of every dependency. A tiny script turns our requirements into a constraints file:

```python
from pathlib import Path


def pin_to_minimum(requirements: list[str]) -> list[str]:
    pinned = []
    for line in requirements:
        name, sep, version = line.partition(">=")
        pinned.append(f"{name}=={version}" if sep else line)
    return pinned


source = Path("requirements.in").read_text().splitlines()
Path("constraints-min.txt").write_text("\n".join(pin_to_minimum(source)))
```

The first run failed on three packages. Two failures were genuine bugs: we relied on a keyword argument that only appeared in a later release. We raised those lower bounds honestly instead of pretending.

## What changed

Since adopting the policy, dependency complaints from users have dropped noticeably and release day is no longer an argument. The policy isn't clever. It is simply written down, and that turned out to be the important part.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "data-journalism",
        "title": "Cleaning a messy council spending file with pandas",
        "body": """Every month our county council publishes all spending over £500 as a CSV. Every month the file is slightly different: column names change, amounts arrive as text with currency symbols, and the same supplier is spelled three different ways.

## The cleaning steps

This is the core of the notebook we now run on each release:

```python
import pandas as pd

raw = pd.read_csv("spending_2024_03.csv", encoding="latin-1")
raw.columns = [c.strip().lower().replace(" ", "_") for c in raw.columns]

raw["amount"] = (
    raw["amount"]
    .astype(str)
    .str.replace("£", "", regex=False)
    .str.replace(",", "", regex=False)
    .astype(float)
)
raw["supplier"] = raw["supplier"].str.upper().str.strip()
raw["date"] = pd.to_datetime(raw["date"], dayfirst=True)
```

## Normalising supplier names

Fuzzy matching gets us most of the way, but a person still reviews every merge. A sample from last month:

| Raw name | Cleaned name | Rows |
|---|---|---|
| NORTHGATE CLEANING LTD | NORTHGATE CLEANING | 41 |
| NORTHGATE CLEANING LIMITED | NORTHGATE CLEANING | 17 |
| NORTH GATE CLEANING | NORTHGATE CLEANING | 3 |

## Lessons

- Keep the raw file untouched and write the cleaned data to a new file.
- Log every manual merge in a separate sheet so an editor can check it.
- Compare your monthly total with the council's own summary figure before publishing anything.

That last check has saved us twice: once from a duplicated block of rows, and once from a refund recorded as a negative payment that our code had quietly turned positive.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "trail-running",
        "title": "Twelve months of easy miles: what my heart rate data says",
        "body": """Last January I committed to a year of mostly easy running, with roughly 80% of my weekly time below my aerobic threshold. I'm not a coach or a physiologist, just a stubborn amateur with a watch and a spreadsheet.

## The numbers

At the start of each quarter I ran the same 8 km loop, holding my heart rate at 145 bpm, and recorded the average pace.

| Quarter | Pace at 145 bpm | Weekly volume | Longest run |
|---|---|---|---|
| Q1 | 6:48 /km | 32 km | 18 km |
| Q2 | 6:21 /km | 41 km | 25 km |
| Q3 | 6:02 /km | 48 km | 32 km |
| Q4 | 5:49 /km | 45 km | 38 km |

That is almost a minute per kilometre faster at the same effort. The loop has about 120 m of climbing, and I tried to test on dry, cool mornings to keep conditions comparable.

## What was hard

Running slowly is boring at first and slightly embarrassing on hills, where you end up walking sections you could easily run. Ego was the biggest obstacle. I also had to accept that some weeks the numbers went backwards, usually after poor sleep or a work deadline.

## What I'd tell a friend

- Give it at least three months before judging.
- Keep one faster session a week; it keeps you honest and sane.
- Test under similar conditions, or the data will happily lie to you.

I'm not claiming this works for everyone. But for a runner with a full-time job and limited hours, it has been the most sustainable year of training I've ever had.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "sourdough",
        "title": "A baker's percentage cheat sheet for hydration experiments",
        "body": """Baker's percentages confuse almost everyone at first because everything is measured relative to the flour, not to the total weight of the dough. Once it clicks, scaling and tweaking recipes becomes easy.

## The basics

Flour is always 100%. Every other ingredient is a percentage of the flour weight, so a 75% hydration dough with 1,000 g of flour contains 750 g of water.

| Ingredient | Percentage | For 1,000 g flour |
|---|---|---|
| Flour | 100% | 1,000 g |
| Water | 75% | 750 g |
| Levain | 20% | 200 g |
| Salt | 2% | 20 g |

Remember that the levain itself contains flour and water. At 100% hydration, 200 g of levain adds 100 g of each, so the *true* hydration of the dough above is slightly higher: 850 g of water over 1,100 g of flour, or about 77%.

## A tiny calculator

I got tired of doing this on the back of an envelope, so I keep a small script next to the scale:

```python
def true_hydration(flour, water, levain, levain_hydration=1.0):
    levain_flour = levain / (1 + levain_hydration)
    levain_water = levain - levain_flour
    return (water + levain_water) / (flour + levain_flour)


print(round(true_hydration(1000, 750, 200) * 100, 1))  # 77.3
```

## Experimenting sensibly

- Change hydration in steps of 2–3%, never 10% at once.
- Keep the same flour while you experiment; whole-grain flours absorb far more water.
- Write down the room temperature every time. It matters as much as the formula.

If you're new, start around 70% and work upwards once shaping feels comfortable.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "ux-research",
        "title": "Five interview mistakes I still make after eight years",
        "body": """I've run hundreds of research interviews, and I still catch myself making the same handful of mistakes. Writing them down is my way of holding myself accountable.

## The mistakes

1. **Filling the silence.** A participant pauses, and I jump in with a follow-up. The best insights almost always come *after* the pause, so now I count to five in my head before speaking.
2. **Asking two questions at once.** "How did you find the setup, and was the pricing clear?" gets an answer to whichever half was easier. One question, then wait.
3. **Leading with my own vocabulary.** If I say "dashboard", they'll say "dashboard". I try to wait until the participant names things, then use their words.
4. **Nodding at the answers I hoped for.** Participants are generous and want to help. Subtle encouragement shapes what they tell you. I keep my reactions equally warm for every answer.
5. **Skipping the debrief.** After a long day it's tempting to go home. But the ten minutes right after a session, when memory is fresh, are worth more than an hour of transcript review a week later.

## What helps

- A printed discussion guide with only the main questions, not a script.
- A colleague taking notes, so I can stay present.
- Recording (with consent) so I'm not tempted to write while people talk.
- A short debrief template: surprises, quotes, open questions.

None of this is new advice. The hard part isn't knowing it; it's remembering it in the moment, with a real person in front of you who is trying their best to be helpful.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "climate-tech",
        "title": "Reading a heat pump's COP without fooling yourself",
        "body": """The coefficient of performance (COP) is the number everyone quotes for heat pumps: units of heat delivered per unit of electricity consumed. It is also easy to misread.

## Instantaneous vs. seasonal

A spec sheet might say "COP 4.5", but that is usually measured at mild outdoor temperatures with low flow temperatures. What matters for your bill is the seasonal figure across a whole winter. Here is my own first winter, from the heat meter and a separate electricity sub-meter:

| Month | Heat delivered (kWh) | Electricity used (kWh) | COP |
|---|---|---|---|
| November | 820 | 240 | 3.4 |
| December | 1,310 | 455 | 2.9 |
| January | 1,480 | 530 | 2.8 |
| February | 1,050 | 330 | 3.2 |

The coldest months pull the average down, and they are also the months where you use the most energy.

## Weight by energy, not by month

A common mistake is averaging the monthly COPs. That gives every month equal weight. The honest figure divides total heat by total electricity:

```python
heat = [820, 1310, 1480, 1050]
electricity = [240, 455, 530, 330]

naive = sum(h / e for h, e in zip(heat, electricity)) / len(heat)
seasonal = sum(heat) / sum(electricity)

print(f"naive average: {naive:.2f}")   # 3.07
print(f"seasonal COP:  {seasonal:.2f}")  # 3.00
```

The difference looks small here, but with a mild autumn and a harsh winter it can be much bigger.

## Other traps

- Check whether the electricity figure includes the circulation pump and any backup heater.
- Make sure hot water and space heating are either both included or both excluded.
- Compare like with like: a well-insulated house with large radiators will always look better.

A heat pump with a seasonal COP of 3 is still three times as efficient as direct electric heating. You don't need to inflate the number for it to be good news.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "documentary-photography",
        "title": "Consent is a process, not a form",
        "body": """Early in my career I treated consent as a box to tick: get the signature, file the form, move on. Over fifteen years of long-form work I've come to see it very differently.

## Why a signature isn't enough

A release form protects the publication. It rarely protects the person in the photograph. People sign forms in moments of goodwill, often without imagining where an image might travel: a magazine cover, an advertisement for an exhibition, a stranger's social media feed ten years later.

## What I do now

- **Explain the project plainly** before lifting the camera, including who is likely to see the images.
- **Come back.** I revisit people before publication, show them the selection and listen to what worries them.
- **Let people withdraw.** Until the story goes to print, anyone can ask for an image to be dropped. It happens rarely, and when it does there's usually a very good reason.
- **Think about the future.** Children grow up. Circumstances change. An image that is harmless today might put someone at risk after a change of government or a move to a new job.
- **Write captions with people, not about them.** Names, ages, places, and how they describe their own situation.

## The cost

This approach takes time, and editors on deadline don't always love it. I've lost a few strong frames. But I have never lost the trust of a community I worked with, and that trust is the reason I'm able to keep going back for years.

Consent isn't the paperwork at the start. It's the relationship that lasts as long as the photographs do.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "chess-club",
        "title": "Building an opening repertoire you can actually remember",
        "body": """Most club players I know have the same problem: they spend hours on opening theory and then forget it by move eight in a real game. I was the worst offender. Here is what finally worked for me.

## Fewer lines, deeper understanding

I cut my repertoire down to one answer to each major first move:

- **As White:** one main system, played almost every game.
- **Against 1.e4:** one defence I understand structurally.
- **Against 1.d4:** one setup that works against most move orders.

That's it. When an opponent surprises me, I rely on principles rather than panic.

## Learn plans, not moves

For each opening I wrote a single page in a notebook answering three questions:

1. What pawn structure usually arises?
2. Where do my pieces belong in that structure?
3. What is my typical middlegame plan, and what is my opponent's?

Knowing that "in this structure the knight goes to d5 and I push on the queenside" survives a forgotten move order far better than a memorised line.

## Review after every game

After each game I check where I left my preparation and where my opponent did. I add only that one new position to my notes. Over a season this builds a repertoire grounded in the positions I actually meet, not the ones that appear in books.

## Be patient

My results didn't change for the first two months. Then, slowly, I started reaching middlegames I understood, with time left on the clock. That turned out to be worth far more than any trap I ever memorised.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "freelance-translators",
        "title": "How I price rush jobs (and why I stopped apologising for it)",
        "body": """For years I accepted urgent work at my normal rate and quietly paid for it with late nights and weekends. Then I noticed that my most "urgent" clients were also the ones who came back with the most revisions. Something had to change.

## My current surcharges

I now quote rush work according to a simple table, which I share openly with clients:

| Turnaround | Typical volume | Surcharge |
|---|---|---|
| Standard | up to 2,500 words per working day | none |
| Fast | up to 4,000 words per working day | +25% |
| Overnight or weekend | any volume | +50% |
| Same day | under 1,500 words only | +75% |

Having the numbers written down makes the conversation calmer. I'm not negotiating my worth; I'm pointing at a policy.

## How clients reacted

Most accepted without comment. A few discovered that their deadline was actually flexible, which is a perfectly good outcome for everyone. One long-term client asked for a standing agreement with guaranteed capacity, which became a monthly retainer.

## What the surcharge pays for

- Rearranging other clients' work, sometimes at a cost to those relationships.
- Less time for the overnight rest that lets me revise with fresh eyes.
- A higher risk of errors, which I mitigate by paying a colleague for a second read.

## One rule I never break

Even for rush jobs, I refuse to deliver without at least one full read-through of the target text. If the deadline doesn't allow that, I decline. A fast translation with a serious mistake costs the client far more than the surcharge ever would.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "jazz",
        "title": "Practising ii–V–I lines in all twelve keys without burning out",
        "body": """Every teacher says it: learn your ii–V–I progressions in all twelve keys. Every student knows it. Very few actually do it, because the obvious approach is exhausting. Here is the routine that finally got me there on bass and, later, on piano.

## Start with one line

Pick a single short phrase over a ii–V–I in a comfortable key. Two bars is plenty. It should be something you like the sound of, ideally taken from a recording you love.

## Move through the keys slowly

Rather than all twelve keys in one session, I use a weekly cycle:

1. **Monday:** learn the line in the original key until you can sing it.
2. **Tuesday to Friday:** add two or three new keys each day, moving around the cycle of fourths.
3. **Weekend:** play all twelve in a row with a metronome at a slow tempo, without stopping for mistakes.

The next week, pick a new line. After a couple of months you have a small vocabulary that works anywhere.

## Keep it musical

- Always play with a backing track or a metronome on 2 and 4.
- Vary the rhythm of the line once it's under your fingers: start it on a different beat, or displace it by an eighth note.
- Sing before you play, especially in the awkward keys.

## Avoiding burnout

Twenty focused minutes a day is better than an exhausting two-hour session on Sunday. When a key feels impossible, that's the one to return to first tomorrow, not the one to avoid.

The payoff arrives quietly. One night on a gig, a tune modulates to a key you used to dread, and you realise your hands already know where to go.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "urban-gardening",
        "title": "Balcony tomatoes: one season in numbers",
        "body": """This year I decided to actually measure my balcony garden instead of guessing. South-west facing, fourth floor, about six hours of direct sun in midsummer and a fair amount of wind.

## The setup

Four tomato varieties, two plants each, all in 20-litre containers filled with a peat-free compost mix. I watered by hand every morning and fed a liquid tomato fertiliser once a week from the first flowers onwards.

## The harvest

| Variety type | Plants | First ripe fruit | Total harvest |
|---|---|---|---|
| Cherry, red | 2 | early July | 6.2 kg |
| Cherry, yellow | 2 | mid July | 5.1 kg |
| Plum | 2 | late July | 3.8 kg |
| Beefsteak | 2 | mid August | 2.4 kg |

The cherry types won easily. They ripened earlier, coped better with wind and kept producing until the first cold nights in October.

## What went wrong

- **Blossom end rot** on the plum tomatoes during a hot spell, almost certainly from uneven watering on the days I was away.
- **Wind damage** snapped two beefsteak trusses before I added proper ties.
- **Overcrowding**: two plants per container would have been too many. One per pot was right.

## What I'll change next year

- Grow only cherry and plum varieties; beefsteaks need more sun than my balcony gets.
- Install a simple drip line with a timer so that watering is consistent.
- Add a windbreak of trellis and climbing beans on the exposed side.

Seventeen and a half kilograms from a few square metres of concrete isn't bad at all. The taste alone made it worth every early morning with the watering can.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "arabic-calligraphy",
        "title": "Cutting a qalam for the first time: notes from a beginner",
        "body": """For my first months of study I used ready-cut pens. This spring my teacher finally handed me a dry reed and a sharp knife and told me to make my own. It was humbling, and I want to record what I learned while it's fresh.

## What you need

- A dried reed, straight and free of cracks, about the thickness of a pencil or a little more.
- A very sharp knife. A dull blade crushes the fibres instead of cutting them.
- A hard cutting surface, traditionally a small plate of bone or horn; I used an old piece of hardwood.
- Patience, and several spare reeds.

## The steps as I understood them

1. Shave away the outer skin on one side to open the reed and expose the inner channel.
2. Shape the tip into a long scoop, thinning the walls gradually.
3. Split the nib down the middle for a short distance so the ink can flow.
4. Make the final cut across the tip at an angle, which defines the width of the stroke and the slant of the pen.

The angle of that last cut differs between scripts and between teachers, so I won't pretend to give a definitive number. Mine is adapted for naskh and was adjusted three times under supervision.

## Mistakes I made

- Taking off too much material at once, which left the nib flimsy.
- Splitting the nib too far, so it spread under pressure.
- Cutting the final edge unevenly, which made every stroke slightly wavy.

## Why it's worth it

A pen you've cut yourself feels different in the hand. When the stroke is wrong, you now have two suspects: your hand or your cut. Learning to tell them apart is, I'm told, a large part of the path.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "open-source-python",
        "title": "A tiny command-line tool your colleagues will actually use",
        "body": """Every team has a handful of scripts that live in someone's home directory and are run with a mixture of hope and copy-pasted arguments. Turning one of them into a small, friendly command-line tool takes an hour and pays off for years.

## Start with argparse

You don't need a framework. The standard library gives you help text, type checking and sensible errors:

```python
import argparse
import csv
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Summarise a CSV column: count, min, max and mean."
    )
    parser.add_argument("path", help="CSV file to read")
    parser.add_argument("column", help="name of a numeric column")
    parser.add_argument("--skip-empty", action="store_true", help="ignore blank cells")
    args = parser.parse_args(argv)

    with open(args.path, newline="", encoding="utf-8") as handle:
        values = []
        for row in csv.DictReader(handle):
            cell = row.get(args.column, "").strip()
            if not cell and args.skip_empty:
                continue
            values.append(float(cell))

    if not values:
        print("no values found", file=sys.stderr)
        return 1
    print(f"count={len(values)} min={min(values)} max={max(values)} "
          f"mean={sum(values) / len(values):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
```

## Small touches that matter

- **Accept `argv` as a parameter.** It makes the tool trivial to test without subprocesses.
- **Return exit codes.** Other scripts and CI jobs rely on them.
- **Write errors to stderr**, so output can still be piped safely.
- **Add an entry point** in `pyproject.toml` so colleagues can run it by name after installing.

## Write the README first

Three examples of real invocations are worth more than a page of option descriptions. If you can't write those examples easily, the interface probably needs another look before anyone else depends on it.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "data-journalism",
        "title": "Checking a viral statistic in thirty minutes",
        "body": """A number is circulating, it's being shared thousands of times, and your editor wants to know within the hour whether it's true. Here's the routine our desk uses. It doesn't always give a final answer, but it usually tells us whether to worry.

## Minutes 0–10: find the origin

- Search for the exact figure in quotation marks, together with a couple of keywords.
- Follow every citation back until you reach a primary source: a report, a dataset or an official release.
- If you can't find one, that is already a finding. Many viral figures have no traceable origin at all.

## Minutes 10–20: read the source properly

1. Check the date. Old numbers often resurface as if they were new.
2. Check the definition. "Young people" might mean ages 16–24 in one survey and 18–34 in another.
3. Check the denominator. A percentage of what, exactly?
4. Check the sample size and method. An online poll of 300 volunteers is not a national estimate.

## Minutes 20–30: compare and write it up

- Look for a second, independent source measuring the same thing.
- Calculate the figure yourself if the underlying data is published.
- Write two or three plain sentences: what the claim says, what the source actually says, and what remains uncertain.

## When to stop

If after thirty minutes you still can't trace the number, say so honestly. "We could not find a source for this figure" is a useful and publishable statement. Our readers don't need us to be certain about everything; they need us to be clear about what we know and what we don't.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "ux-research",
        "title": "Synthesising interviews in a spreadsheet before you buy a tool",
        "body": """Every few months someone on our team proposes buying a dedicated research repository. Maybe we will one day. But for a team of three researchers, a well-structured spreadsheet has carried us a surprisingly long way.

## One row per observation

The key decision is granularity. We don't write one row per interview; we write one row per *observation*: a quote, a behaviour or a moment of friction. A typical session produces 20 to 40 rows.

| Participant | Session | Observation | Type | Theme |
|---|---|---|---|---|
| P04 | Onboarding | Scrolled past the welcome video without noticing it | behaviour | attention |
| P04 | Onboarding | "I just want to see my numbers first" | quote | motivation |
| P07 | Settings | Looked for notifications under Profile | behaviour | navigation |
| P09 | Onboarding | Abandoned bank connection at the consent screen | behaviour | trust |

## The workflow

1. During the session, the note-taker types observations directly into the sheet.
2. Within a day, the researcher tidies the wording and adds the *type*.
3. Once a study is complete, we tag themes together in a one-hour session, arguing over edge cases.
4. A pivot table shows which themes appear across the most participants, not just the most rows.

## Where it breaks down

- Video clips live elsewhere, so we link to timestamps rather than embedding them.
- Searching across many studies gets clumsy after a year or so.
- Permissions are coarse: everyone with access sees everything.

When those limits start costing us real time, we'll evaluate tools, and we'll know exactly what we need from one. Until then, the spreadsheet keeps us honest and costs nothing.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": None,
        "title": "What my first year of freelancing taught me",
        "body": """Twelve months ago I left a stable editing job to work for myself. It's been the most stressful and most satisfying year of my career. These are the lessons I'd pass on to anyone considering the same jump.

## Money

- **Save three months of expenses before you leave.** I had two, and the gap between my first invoices and my first payments nearly wiped them out.
- **Set aside tax money immediately.** I move a fixed percentage of every payment into a separate account the day it arrives.
- **Raise your rates sooner than feels comfortable.** My first prices were based on my old salary, which forgot holidays, sick days, equipment and all the unpaid hours of admin.

## Clients

1. Your former colleagues and employers are your best first clients. Tell them, clearly and early, what you now offer.
2. A written scope saves friendships. Even a short email confirming what's included and what isn't.
3. One client should never be more than about a third of your income, however lovely they are.

## Time

Freelancing doesn't mean working whenever you like; it means deciding when you work. I keep office hours, mostly. I take Fridays off once a month. I still check email on Sunday evenings, which is a habit I'm trying hard to break.

## Loneliness

No one warned me about this. I now work from a shared space twice a week and belong to a small group of independent editors who meet online every fortnight. Talking shop with people who understand the work has made a bigger difference than any productivity trick.

Would I do it again? Yes, but I'd start planning six months earlier.""",
    },
    {
        "lang": "en",
        "kind": "honey",
        "hive": "climate-tech",
        "title": "Back-of-the-envelope solar yield for a small rooftop",
        "body": """Before talking to installers, I wanted a rough idea of what panels on our small garage roof might produce. You don't need specialised software for a first estimate, just a few honest assumptions.

## The inputs

- **Usable roof area:** about 14 m², facing roughly south at a 30° tilt.
- **Panel efficiency:** around 20% for modern modules.
- **Annual irradiation:** look this up for your location from a public solar atlas; for our city it's about 1,150 kWh per m² per year on that tilt.
- **System losses:** inverters, wiring, heat and dust. A 14% loss is a common planning figure.

## The calculation

```python
area_m2 = 14
efficiency = 0.20
irradiation_kwh_per_m2 = 1150
losses = 0.14

peak_kw = area_m2 * efficiency  # roughly 2.8 kWp under standard test conditions
annual_kwh = area_m2 * efficiency * irradiation_kwh_per_m2 * (1 - losses)

print(f"system size: {peak_kw:.1f} kWp")
print(f"annual yield: {annual_kwh:,.0f} kWh")
print(f"specific yield: {annual_kwh / peak_kw:,.0f} kWh per kWp")
```

That gives about 2,770 kWh a year, close to 1,000 kWh per installed kilowatt. Our household uses around 3,200 kWh, so on paper the roof covers most of our annual consumption.

## The caveats

- Production peaks in summer and midday, while our use peaks on winter evenings. Without storage, we'd export a large share.
- Shading from a neighbour's tree in the late afternoon isn't captured here at all.
- Panels degrade slowly, usually by a fraction of a percent each year.

The real quotes came back within 10% of this estimate, which gave me confidence to ask better questions, especially about shading and inverter sizing.""",
    },
    # ------------------------------------------------------------------
    # Spanish buzz — by hive
    # ------------------------------------------------------------------
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Salida larga por la sierra este domingo: 24 km y 1.300 metros de desnivel positivo. Las piernas protestan, la cabeza está feliz.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Consejo que me habría ahorrado muchas ampollas: prueba las zapatillas nuevas en tiradas cortas antes de llevarlas a una carrera.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "¿Alguien usa bastones en las subidas largas? Me lo estoy planteando para el ultra de octubre, pero no sé si compensan en las bajadas.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Hoy tocaba entrenamiento de cuestas: ocho repeticiones de 90 segundos. Al final no sabía si estaba sudando o llorando. Probablemente las dos cosas.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "trail-running",
        "title": None,
        "body": "Nos juntamos doce personas del grupo para limpiar el sendero del barranco. Tres bolsas de basura y un montón de buenas conversaciones.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Empecé un curso de caligrafía árabe en el centro cultural del barrio. Primera clase: cómo sujetar el cálamo. Segunda clase: cómo no mancharlo todo de tinta.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Me impresiona que en la caligrafía árabe el espacio vacío importe tanto como el trazo. Estoy aprendiendo a mirar las letras de otra manera.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "Traduzco textos literarios y, desde que practico caligrafía, presto más atención a la forma de las palabras y no solo a su sentido. Ha cambiado mi manera de leer.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "arabic-calligraphy",
        "title": None,
        "body": "¿Recomendaciones de tinta para principiantes? La que compré se seca demasiado rápido y el papel la absorbe de forma irregular.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Hoy publicamos un análisis del precio del alquiler por barrio. Lo más difícil no fue el código, sino conseguir que el ayuntamiento nos explicara cómo definía cada zona.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Recordatorio para todas las redacciones: un promedio sin la mediana al lado puede contar una historia muy distinta de la real.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Estamos montando un [repositorio con los datos](https://example.org/datos) de nuestras últimas investigaciones para que cualquiera pueda revisar los cálculos.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Taller de hojas de cálculo para periodistas este jueves. Empezamos por lo básico: filtros, tablas dinámicas y cómo no romper las fechas al importar un CSV.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "data-journalism",
        "title": None,
        "body": "Tres semanas esperando respuesta a una solicitud de acceso a la información pública. Paciencia y un calendario lleno de recordatorios.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Las lechugas de la azotea ya están listas. Sembré de forma escalonada cada dos semanas y por fin tengo cosecha continua en vez de cuarenta lechugas de golpe.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "En el huerto comunitario hemos instalado riego por goteo con un temporizador sencillo. Ahorramos agua y nadie tiene que venir a regar en pleno agosto.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Truco para macetas pequeñas: mezcla un poco de humus de lombriz con el sustrato. La albahaca lo agradece muchísimo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Intercambio de semillas el sábado en la plaza del mercado. Trae las tuyas en sobres con el nombre de la variedad y el año de recogida.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "urban-gardening",
        "title": None,
        "body": "Este año dejé un rincón del huerto sin tocar, lleno de flores silvestres. Resultado: más abejas y menos pulgones en las habas. 🐝",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Mi primera contribución a un proyecto de código abierto fue corregir una errata en la documentación. Parece poca cosa, pero me enseñó todo el flujo de trabajo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Estamos traduciendo al español la documentación de una librería de análisis de datos. Si quieres echar una mano, hay páginas pendientes para todos los niveles.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Descubrí `pathlib` tarde, pero ya no vuelvo a `os.path`. El código queda más claro y casi se lee como una frase.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Charla del mes en el meetup de Python: cómo empaquetar un proyecto y publicarlo en PyPI sin sufrir. Habrá tiempo para preguntas y empanadas.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "open-source-python",
        "title": None,
        "body": "Hoy revisé mi primer pull request como mantenedor. Qué responsabilidad tan bonita: alguien dedicó su tiempo libre a mejorar algo que tú empezaste.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Llevo un año fotografiando a las vendedoras del mercado de mi barrio. Hoy les llevé las copias impresas y me pidieron más para sus familias.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "A veces la mejor foto es la que no haces. Hoy una señora me pidió que bajara la cámara, y la conversación que vino después vale más que cualquier imagen.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Preparando una exposición colectiva sobre el éxodo rural. Cada fotógrafo aporta diez imágenes y un texto breve escrito junto a las personas retratadas.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Pregunta práctica: ¿cómo organizáis el archivo después de diez años de trabajo? Mis discos duros son un laberinto sin salida.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "documentary-photography",
        "title": None,
        "body": "Por fin revelé los carretes del viaje al norte. Hay algo en la película que me obliga a mirar con más calma antes de disparar.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Mi masa madre cumple cinco años. Se llama Rosita y ha sobrevivido a dos mudanzas y a un verano entero olvidada en la nevera.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Hoy probé a hacer pan con un 30% de harina de centeno de un molino cercano. Miga más densa y un sabor muchísimo más profundo. Repetiré.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Si tu pan sale plano, antes de cambiar la receta revisa la temperatura de la cocina. En invierno mi fermentación tarda casi el doble.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "En la panadería empezamos a vender el pan del día anterior a mitad de precio. Se acaba antes que el recién hecho.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "sourdough",
        "title": None,
        "body": "Hice pan de masa madre con mis sobrinos. Salió deforme y algo quemado, y aun así fue el mejor pan de la semana.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Hoy entrevisté a seis usuarios sobre cómo gestionan sus facturas. Ninguno usaba la función que más esfuerzo nos costó construir. Lección aprendida.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Consejo para quien empieza en investigación: graba las sesiones (con permiso) y anota comportamientos, no opiniones. Lo que la gente hace pesa más que lo que dice.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Hicimos un *tree test* con 120 personas para reorganizar el menú de la app. Los resultados nos obligaron a renombrar tres secciones.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Buscamos participantes mayores de 65 años para probar una aplicación de citas médicas. Sesiones de 45 minutos, remuneradas, en persona o por videollamada.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "ux-research",
        "title": None,
        "body": "Un informe de investigación que nadie lee no sirve de nada. Ahora entrego un resumen de una página y un vídeo de tres minutos con los momentos clave.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Nuestra cooperativa energética ya tiene 400 socios y tres tejados solares en marcha. Lo próximo: baterías compartidas para el barrio.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Trabajo en modelos de predicción de demanda eléctrica, y lo que más me sorprende es cuánto influye la temperatura de los días anteriores, no solo la del propio día.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Si estás pensando en pasarte al sector del clima, no hace falta ser ingeniera de energía. Se necesitan diseñadoras, analistas, juristas y comunicadoras.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "climate-tech",
        "title": None,
        "body": "Visitamos una planta de biogás que funciona con residuos de la industria agroalimentaria local. Economía circular de verdad, no solo en las presentaciones.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Torneo relámpago en el club el viernes: 30 jugadores, partidas de 3+2 y un final de infarto entre dos juveniles.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Estoy estudiando la defensa siciliana y cada variante tiene veinte subvariantes. Creo que me quedaré con algo más tranquilo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Abrimos un grupo de ajedrez para niñas los sábados por la mañana. Empezamos con ocho y ya hay lista de espera.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "chess-club",
        "title": None,
        "body": "Mi entrenador insiste en que analice mis partidas sin motor primero. Es más lento, pero entiendo mucho mejor mis errores.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Acabo de terminar la localización de un videojuego de rol: 80.000 palabras, cientos de nombres inventados y un glosario que parecía una enciclopedia.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Recordatorio para colegas autónomas: incluid en el presupuesto el tiempo de investigación terminológica. No es un extra, es parte del trabajo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Un cliente me pidió que bajara la tarifa porque «ahora todo lo hace la máquina». Le expliqué con calma lo que hago yo y la máquina no. Aceptó el presupuesto.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "¿Cómo gestionáis a los clientes que pagan a 90 días? Estoy pensando en pedir un anticipo del 30% en los proyectos grandes.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "freelance-translators",
        "title": None,
        "body": "Traducir humor es lo más difícil que conozco. Hoy pasé una hora entera con un juego de palabras de cuatro palabras.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Primera noche de jam en el nuevo local del centro. Mucho público joven y un pianista de 17 años que nos dejó a todos con la boca abierta.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Estoy practicando escalas bebop con el saxo y por fin empiezan a sonar a música y no a ejercicio.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Nuestro quinteto graba su primer disco el mes que viene: temas propios y dos estándares que tocamos a nuestra manera.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": "jazz",
        "title": None,
        "body": "Clase de armonía de hoy: **sustituciones de tritono**. Cuando por fin lo entiendes, muchas canciones cobran sentido de repente.",
    },
    # ------------------------------------------------------------------
    # Spanish buzz — no hive
    # ------------------------------------------------------------------
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Noticia personal: la semana que viene me incorporo al equipo de datos de un medio independiente. Nervios y muchas ganas.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Después de ocho años en una agencia, me lanzo por mi cuenta en diseño de producto. Si necesitáis ayuda con investigación o prototipos, escribidme.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Hoy cumplo un año trabajando en remoto desde un pueblo de 600 habitantes. La conexión es buena; el silencio, mejor.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Estamos contratando a una **analista de datos** con experiencia en Python y SQL. Trabajo híbrido en Madrid. Más información [aquí](https://example.org/empleo).",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Terminé el máster. Dos años compaginando trabajo y estudios, muchas noches sin dormir y una tesis que me llena de orgullo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Tres lecturas que me han ayudado este año en el trabajo:\n\n- un libro sobre escritura clara\n- un ensayo sobre los cuidados en los equipos\n- un manual de estadística para periodistas",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Di mi primera charla en un congreso. Al principio me temblaba la voz, pero al final hubo preguntas muy buenas y varias personas se acercaron a hablar conmigo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Consejo de alguien que revisa currículums a diario: adaptad el currículum a cada puesto. No hace falta reescribirlo entero; basta con destacar lo que de verdad importa para esa oferta.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Esta semana me tomé dos días de descanso sin culpa. Volví con más ideas que en todo el mes anterior.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "¿Alguien conoce un buen curso de escritura técnica en español? Busco algo práctico, con ejercicios y correcciones.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Este semestre mentorizo a tres estudiantes de último curso. Me recuerdan por qué empecé en esta profesión.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Cambio de ciudad por trabajo. Me llevo la masa madre, dos cajas de libros y una planta que sobrevive a todo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Hoy hace diez años que publiqué mi primer artículo. Sigo aprendiendo algo nuevo cada semana.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Organizamos un desayuno mensual para profesionales autónomos del barrio: café, tostadas y conversaciones sobre facturas, clientes y soledad laboral.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Mi objetivo para este trimestre: decir que no a los proyectos que no encajan. Llevo tres «no» y ya noto más calma y más tiempo.",
    },
    {
        "lang": "es",
        "kind": "buzz",
        "hive": None,
        "title": None,
        "body": "Aprendiendo a programar a los 45 años. Hoy escribí mi primer script que funcionó a la primera. Pequeñas victorias.",
    },
    # ------------------------------------------------------------------
    # Spanish honey (artículos largos)
    # ------------------------------------------------------------------
    {
        "lang": "es",
        "kind": "honey",
        "hive": "sourdough",
        "title": "Cómo mantener viva la masa madre durante las vacaciones",
        "body": """Cada verano, en el grupo de panaderos de mi barrio, alguien pregunta lo mismo: «Me voy tres semanas, ¿qué hago con mi masa madre?». La buena noticia es que una masa madre sana es mucho más resistente de lo que parece.

## Para ausencias de una a tres semanas

La nevera es tu aliada. Antes de irte:

1. Alimenta la masa madre con una proporción generosa, por ejemplo 1:5:5 (masa, harina, agua).
2. Déjala a temperatura ambiente una o dos horas para que arranque la fermentación.
3. Guárdala en la nevera en un tarro limpio con la tapa apoyada, sin cerrarla del todo.

Al volver, es normal encontrar un líquido grisáceo en la superficie. Retíralo, desecha la mitad y haz dos o tres refrescos a temperatura ambiente antes de hornear.

## Para ausencias más largas

- **Masa madre seca:** extiende una capa fina sobre papel de horno, deja que se seque al aire durante un par de días y guarda las escamas en un bote hermético. Se reactivan con agua y harina en tres o cuatro días.
- **Masa madre dura:** prepara una masa muy firme, con poca agua, que fermenta más despacio y aguanta mejor en frío.
- **Un vecino de confianza:** la opción más sencilla. Deja instrucciones claras y un paquete de harina.

## Lo que no recomiendo

- Congelarla sin más: algunas sobreviven, pero muchas pierden fuerza y tardan semanas en recuperarse.
- Alimentarla con harina blanca muy refinada justo antes de guardarla; la integral aporta más nutrientes a las levaduras.

Lo más importante es no agobiarse. Mi masa madre ha pasado un verano entero olvidada al fondo de la nevera y, tras una semana de cuidados, volvió a hacer panes estupendos.""",
    },
    {
        "lang": "es",
        "kind": "honey",
        "hive": "data-journalism",
        "title": "Descargar datos de un portal abierto con Python sin perder la cabeza",
        "body": """Muchos portales de datos abiertos ofrecen una API, aunque a veces esté escondida detrás del botón de descarga. Aprender a usarla nos ahorra horas de clics y, sobre todo, nos permite repetir el análisis cada mes sin errores manuales.

## Un ejemplo sencillo

Supongamos que el portal devuelve los datos por páginas de cien registros. Este es el patrón que usamos en la redacción:

```python
import csv
import time

import requests

URL = "https://example.org/api/contratos"


def descargar_todo(url, pausa=1.0):
    registros = []
    pagina = 1
    while True:
        respuesta = requests.get(url, params={"page": pagina, "limit": 100}, timeout=30)
        respuesta.raise_for_status()
        lote = respuesta.json()["results"]
        if not lote:
            break
        registros.extend(lote)
        pagina += 1
        time.sleep(pausa)  # no saturemos el servidor
    return registros


datos = descargar_todo(URL)
with open("contratos.csv", "w", newline="", encoding="utf-8") as f:
    escritor = csv.DictWriter(f, fieldnames=datos[0].keys())
    escritor.writeheader()
    escritor.writerows(datos)
```

## Buenas prácticas

- **Respeta el servidor.** Una pausa entre peticiones evita bloqueos y es simple cortesía.
- **Guarda la respuesta original.** Antes de limpiar nada, conserva una copia tal cual llegó, con la fecha de descarga.
- **Documenta la fuente.** Anota la URL, los parámetros y cualquier límite que hayas encontrado.
- **Comprueba los totales.** Si el portal dice que hay 5.230 contratos y tú tienes 5.200, algo ha fallado.

## Cuando no hay API

Si solo hay un archivo para descargar, automatiza igualmente la descarga y guarda cada versión. Los portales cambian sus archivos sin avisar, y poder comparar versiones antiguas ha dado pie a más de una historia en nuestra redacción.""",
    },
    {
        "lang": "es",
        "kind": "honey",
        "hive": "trail-running",
        "title": "Mi primera maratón de montaña: lo que haría distinto",
        "body": """Hace un mes terminé mi primera carrera de 42 km por montaña, con unos 2.400 metros de desnivel positivo. Llegué a meta sin fuerzas, con una sonrisa enorme y con una lista bastante larga de cosas que cambiaría. Aquí va, por si le sirve a alguien.

## Cómo repartí el esfuerzo

| Tramo | Distancia | Desnivel + | Tiempo | Sensaciones |
|---|---|---|---|---|
| Salida – primer avituallamiento | 12 km | 700 m | 1 h 50 min | demasiado rápida |
| Hasta el collado | 11 km | 1.100 m | 2 h 40 min | piernas cargadas |
| Bajada larga | 13 km | 200 m | 1 h 45 min | cuádriceps destrozados |
| Llegada | 6 km | 400 m | 1 h 05 min | recuperada, por fin |

El error se ve claro en la tabla: salí al ritmo de la gente que tenía alrededor y pagué la factura en la subida y la bajada siguientes.

## Lo que haría distinto

1. **Salir más despacio**, incluso si me adelanta medio pelotón en el primer kilómetro.
2. **Comer desde el principio**: algo cada 30–40 minutos, aunque no tenga hambre.
3. **Entrenar más bajadas largas.** Subir lo había trabajado; bajar durante una hora seguida, no.
4. **Probar todo antes**: la mochila, los geles y hasta los calcetines.

## Lo que funcionó

- Los bastones en la subida al collado, que me ahorraron muchas fuerzas.
- Dividir la carrera mentalmente en cuatro tramos y pensar solo en el siguiente.
- Llevar una capa impermeable ligera: a 2.000 metros cambió el tiempo en diez minutos.

La montaña enseña humildad. La próxima vez saldré en la parte de atrás y disfrutaré más del paisaje en los primeros kilómetros.""",
    },
    {
        "lang": "es",
        "kind": "honey",
        "hive": "freelance-translators",
        "title": "Glosarios compartidos: cómo los organizamos en nuestro pequeño colectivo",
        "body": """Somos cinco traductoras autónomas que trabajamos a menudo para los mismos clientes. Durante años, cada una tenía su propio glosario, y los clientes notaban las diferencias. Hace un año decidimos compartirlos y la calidad ha mejorado de forma visible.

## La estructura

Usamos una hoja de cálculo compartida por cliente, con columnas fijas:

| Término original | Traducción | Contexto | Fuente | Estado |
|---|---|---|---|---|
| release notes | notas de la versión | documentación técnica | guía del cliente | aprobado |
| dashboard | panel | interfaz de la aplicación | decisión del equipo | aprobado |
| onboarding | incorporación | recursos humanos | propuesta | en revisión |
| checkout | pago | tienda en línea | cliente, correo de marzo | aprobado |

La columna **Estado** es clave: distingue lo que el cliente ha validado de lo que es solo una propuesta nuestra.

## Nuestras reglas

- Nadie borra un término; si cambia, se marca el antiguo como obsoleto y se añade el nuevo.
- Toda decisión lleva una fuente: una guía de estilo, un correo del cliente o una consulta terminológica.
- Una vez al mes revisamos juntas los términos «en revisión» en una videollamada de media hora.

## Lo que hemos ganado

- Menos rondas de corrección con los clientes.
- Menos tiempo buscando la misma palabra por separado.
- Un argumento comercial claro: podemos repartir proyectos grandes sin perder coherencia.

## Lo que aún nos cuesta

Importar y exportar entre la hoja compartida y nuestras herramientas de traducción asistida sigue siendo manual. Estamos probando un pequeño script para automatizarlo, pero de momento preferimos la sencillez a la perfección.""",
    },
    {
        "lang": "es",
        "kind": "honey",
        "hive": "urban-gardening",
        "title": "Calendario de siembra para un huerto en azotea",
        "body": """Cuando empecé con el huerto en la azotea, sembraba lo que me apetecía en el momento y la mitad de las plantas no prosperaba. Después de tres temporadas, tengo un calendario que funciona bastante bien en un clima templado con veranos calurosos.

## El calendario

| Cultivo | Siembra | Trasplante | Cosecha |
|---|---|---|---|
| Lechuga | febrero–abril y septiembre | a las 4 semanas | 8–10 semanas después |
| Tomate | marzo, en semillero | mayo | julio–octubre |
| Pimiento | marzo, en semillero | mayo | agosto–octubre |
| Judía verde | mayo, siembra directa | no se trasplanta | julio–agosto |
| Espinaca | octubre | no se trasplanta | diciembre–marzo |
| Habas | noviembre | no se trasplanta | marzo–mayo |

Las fechas son orientativas: en una azotea el viento y el calor del suelo cambian mucho las cosas.

## Consejos para azoteas

- **Macetas grandes.** Al menos 20 litros para tomates y pimientos; en recipientes pequeños el sustrato se seca en horas.
- **Protección del viento.** Una malla o una hilera de plantas altas en el lado expuesto marca la diferencia.
- **Sombreo en verano.** En julio y agosto una malla de sombreo del 30% salva las lechugas.
- **Riego por goteo.** En plena ola de calor, regar a mano dos veces al día no es sostenible.

## Lo que he aprendido

Sembrar poco y a menudo da mejores resultados que sembrar mucho de golpe. Y apuntarlo todo en un cuaderno, incluidas las plagas y los fracasos, es la mejor forma de mejorar de un año para otro.""",
    },
    {
        "lang": "es",
        "kind": "honey",
        "hive": "ux-research",
        "title": "Pruebas de usabilidad con presupuesto cero",
        "body": """Trabajo en una organización sin ánimo de lucro donde no hay presupuesto para laboratorios, plataformas de reclutamiento ni incentivos generosos. Aun así, hacemos pruebas de usabilidad todos los meses. Así lo organizamos.

## Reclutar sin dinero

- **Personas usuarias reales**: un aviso discreto dentro de la propia web pidiendo voluntarios para una charla de media hora.
- **Redes cercanas**: asociaciones de vecinos, bibliotecas y centros de mayores suelen estar encantados de colaborar.
- **Agradecimiento honesto**: un certificado de participación, un café o simplemente contarles después qué cambiamos gracias a ellos.

## Material mínimo

1. Un portátil o un móvil con el prototipo o la web real.
2. Una herramienta de videollamada gratuita que permita grabar con permiso.
3. Un guion de tres a cinco tareas, escrito en lenguaje cotidiano.
4. Una persona que modera y otra que toma notas.

## Durante la sesión

- Pedimos a la persona que piense en voz alta, y se lo recordamos con suavidad cuando se queda callada.
- No ayudamos a completar las tareas, salvo que la persona esté claramente incómoda.
- Al final preguntamos qué fue lo más confuso y qué cambiaría primero.

## Después

Con cinco sesiones ya aparecen los problemas más graves. Hacemos una lista priorizada y la compartimos con todo el equipo en una reunión de veinte minutos, con dos o tres fragmentos de vídeo. Ver a una persona real atascada convence más que cualquier informe.

Hacer investigación sin presupuesto es posible. Lo caro de verdad es construir algo que nadie consigue usar.""",
    },
    {
        "lang": "es",
        "kind": "honey",
        "hive": "climate-tech",
        "title": "¿Cuánto consume realmente mi nevera? Un experimento con un enchufe inteligente",
        "body": """Tenía la sospecha de que la nevera vieja de casa gastaba demasiado. En lugar de fiarme de la etiqueta, conecté un enchufe inteligente con medición de consumo durante un mes y exporté los datos.

## Los datos

El enchufe guardaba una lectura de energía acumulada cada hora. Con unas pocas líneas de Python calculé el consumo diario:

```python
import csv
from collections import defaultdict

consumo_diario = defaultdict(float)

with open("nevera.csv", encoding="utf-8") as f:
    for fila in csv.DictReader(f):
        dia = fila["fecha"][:10]
        consumo_diario[dia] += float(fila["kwh"])

media = sum(consumo_diario.values()) / len(consumo_diario)
print(f"Media diaria: {media:.2f} kWh")
print(f"Estimación anual: {media * 365:.0f} kWh")
```

## Los resultados

| Periodo | Consumo medio diario | Observaciones |
|---|---|---|
| Semana 1 | 1,45 kWh | antes de cambiar nada |
| Semana 2 | 1,38 kWh | limpié la rejilla trasera |
| Semana 3 | 1,12 kWh | subí el termostato de 2 °C a 4 °C |
| Semana 4 | 1,09 kWh | cambié la junta de la puerta |

Pasé de unos 530 kWh al año a unos 400 kWh, solo con mantenimiento y un ajuste razonable del termostato.

## Conclusiones

- Muchas neveras están configuradas más frías de lo necesario; 4 °C suele ser suficiente.
- Una junta en mal estado es una fuga constante de frío.
- Aun así, una nevera nueva de alta eficiencia consumiría menos de la mitad. Los datos me han ayudado a decidir cuándo merece la pena cambiarla.

Medir antes de comprar es la forma más barata de entender la energía de una casa.""",
    },
    {
        "lang": "es",
        "kind": "honey",
        "hive": "jazz",
        "title": "Aprender a transcribir solos: un método en cuatro pasos",
        "body": """Transcribir solos es probablemente la práctica que más me ha hecho crecer como saxofonista. También es la que más estudiantes abandonan al principio. Este es el método que uso con mis alumnos y en mi propio estudio.

## 1. Elegir bien el solo

Empieza con algo corto, lento y que te encante. Un solo de balada o un blues medio son ideales. Si no te emociona escucharlo, no aguantarás las horas que exige.

## 2. Cantar antes de tocar

Escucha el solo muchas veces, hasta que puedas cantarlo entero, con su fraseo y su respiración. Esta fase parece lenta, pero ahorra muchísimo tiempo después. Si puedes cantarlo, tus dedos lo encontrarán.

## 3. Pasarlo al instrumento

- Trabaja frase a frase, nunca el solo entero de golpe.
- Usa un programa que reduzca la velocidad sin cambiar la altura del sonido.
- Fíjate tanto en la articulación y el ritmo como en las notas.
- No escribas nada todavía: aprende de oído.

## 4. Analizar y apropiarte del lenguaje

Una vez que puedas tocarlo junto a la grabación, escríbelo si quieres y analízalo:

- ¿Qué notas usa sobre cada acorde?
- ¿Dónde empiezan y terminan las frases?
- ¿Qué recursos se repiten?

Después, elige dos o tres frases favoritas y llévalas a otras tonalidades y a otros temas. Así el vocabulario deja de ser del solista y empieza a ser tuyo.

## Un consejo final

No busques la perfección. Una transcripción con alguna nota dudosa, pero bien cantada y bien sentida, te enseña más que una partitura perfecta descargada de internet.""",
    },
]
