"""Demo direct messages, written for Apiary: a few conversations of the demo bee, one in Arabic
and one in Hebrew, some of them with messages it has not read yet."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from app.db import write_transaction
from app.extensions import db
from app.messages.models import Conversation, Message
from app.messages.services import send_message
from app.profiles.models import Bee, utcnow

ME = "demo"

# Each conversation: the other bee, when it started (hours ago), and its lines in order as
# (who wrote it: ME or the other bee's handle, minutes after the line before, text).
CONVERSATIONS: list[dict] = [
    {
        "with": "marcus_oyelaran",
        "started_hours_ago": 70,
        "lines": [
            ("marcus_oyelaran", 0, "Hi Dana! Are you running the ridge trail race in May?"),
            (ME, 25, "Thinking about it. The 25k, not the ultra: my knees have opinions."),
            ("marcus_oyelaran", 12, "Ha, same. Want to do the **long training run** together on Saturday?"),
            (ME, 40, "Yes please. 7:00 at the north trailhead?"),
            ("marcus_oyelaran", 5, "Deal. I'll bring the gels."),
            (ME, 3, "See you there 👟"),
        ],
    },
    {
        "with": "layla_haddad",
        "started_hours_ago": 30,
        "lines": [
            ("layla_haddad", 0, "مرحبًا دانا! رأيت منشورك عن مقابلات المستخدمين، وأعجبني جدًا."),
            (ME, 90, "Thank you, Layla! شكرًا 🙏 Happy to share the interview guide if it helps."),
            (
                "layla_haddad",
                20,
                "نعم من فضلك. نحضّر ورشة خط عربي للمبتدئين ونريد أن نفهم ما يحتاجه المشاركون.",
            ),
            ("layla_haddad", 2, "هل يمكن أن نتحدث يوم الخميس؟ **ساعة واحدة** تكفي."),
        ],
    },
    {
        "with": "noa_levi",
        "started_hours_ago": 50,
        "lines": [
            ("noa_levi", 0, "היי דנה, ראיתי שגם את בקבוצת מחקר המשתמשים. יש לך המלצה לכלי לסינתזה?"),
            (
                ME,
                45,
                "Hi Noa! We use a plain spreadsheet and sticky notes, honestly. Happy to show you our template.",
            ),
            ("noa_levi", 15, "תודה רבה! אשמח מאוד. אפשר בשבוע הבא?"),
            (ME, 30, "Sure, Tuesday works for me."),
        ],
    },
    {
        "with": "priya_raman",
        "started_hours_ago": 6,
        "lines": [
            ("priya_raman", 0, "Dana, quick one about the portfolio review on Thursday:"),
            ("priya_raman", 1, "- Should people bring one project or two?\n- Slides, or just a link?"),
        ],
    },
]


def load(bees: dict[str, Bee]) -> int:
    """Write the conversations through the messages service, in time order (message ids grow
    with time), then date each message; return how many messages were written."""
    now = utcnow()
    lines = []
    for spec in CONVERSATIONS:
        moment = now - timedelta(hours=spec["started_hours_ago"])
        for who, minutes, text in spec["lines"]:
            moment += timedelta(minutes=minutes)
            recipient = spec["with"] if who == ME else ME
            lines.append((moment, who, recipient, text))
    lines.sort(key=lambda line: line[0])
    dated = []
    for moment, who, recipient, text in lines:
        message = send_message(bees[who], bees[recipient], text)
        dated.append((message.id, message.conversation_id, moment))
    with write_transaction():
        for message_id, _conversation_id, moment in dated:
            db.session.execute(update(Message).where(Message.id == message_id).values(created_at=moment))
        started: dict[int, object] = {}
        for _message_id, conversation_id, moment in dated:
            started.setdefault(conversation_id, moment)
        for conversation_id, moment in started.items():
            db.session.execute(
                update(Conversation).where(Conversation.id == conversation_id).values(created_at=moment)
            )
    return len(dated)
