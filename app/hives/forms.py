"""Hive forms: creating a hive, reporting, and what moderators fill in."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from app.forms import Form
from app.hives.models import ReportReason


class HiveForm(Form):
    """Name, description, topic tags, privacy and rules of a new hive."""

    name = StringField(_l("Name"), description=_l("For example: Trail Running, Arabic Calligraphy"))
    description = TextAreaField(_l("Description"), description=_l("What the hive is about and who it is for"))
    tags = StringField(_l("Topic tags"), description=_l("Up to 8 words, separated by commas or spaces"))
    is_private = BooleanField(
        _l("Private hive: bees ask to join, and only members see its posts and members"),
        description=_l("This cannot be changed later."),
    )
    rules = TextAreaField(
        _l("Rules"), description=_l("Markdown. Shown to bees when they join and when they report a post.")
    )
    submit = SubmitField(_l("Create hive"))


def report_reasons() -> list[SelectChoice]:
    """The reasons a bee can give, in the order the form shows them."""
    labels = {
        ReportReason.INSULT: _l("Insult or harassment"),
        ReportReason.MISINFORMATION: _l("Misinformation"),
        ReportReason.SPAM: _l("Spam"),
        ReportReason.OFF_TOPIC: _l("Off-topic"),
        ReportReason.OTHER: _l("Something else"),
    }
    return [SelectChoice(reason, labels[reason]) for reason in ReportReason.ALL]


class ReportForm(Form):
    """Why a post should be looked at."""

    reason = RadioField(_l("Reason"), choices=report_reasons(), validate_choice=False)
    detail = TextAreaField(_l("Anything the moderators should know (optional)"))
    submit = SubmitField(_l("Send report"))


class ReasonForm(Form):
    """A moderator's or admin's reason for one action."""

    reason = TextAreaField(_l("Reason"), description=_l("The bee affected reads this."))
    submit = SubmitField(_l("Confirm"))


class ModerateForm(Form):
    """What a moderator does about a reported (or any) post in their hive."""

    action = RadioField(
        _l("Action"),
        choices=[
            SelectChoice("dismiss", _l("Dismiss the reports: the post stays")),
            SelectChoice("remove", _l("Remove the post from this hive")),
            SelectChoice("warn", _l("Warn the author: the post stays")),
            SelectChoice("ban", _l("Remove the post and ban the author from this hive")),
        ],
        validate_choice=False,
    )
    reason = TextAreaField(_l("Reason"), description=_l("The author reads this (not needed to dismiss)."))
    until = DateField(
        _l("Ban until (leave empty for a permanent ban)"), validators=[Optional()], format="%Y-%m-%d"
    )
    submit = SubmitField(_l("Confirm"))


def comment_actions() -> list[SelectChoice]:
    """What a moderator can do about a comment (the same actions, in a comment's words)."""
    return [
        SelectChoice("dismiss", _l("Dismiss the reports: the comment stays")),
        SelectChoice("remove", _l("Remove the comment")),
        SelectChoice("warn", _l("Warn the author: the comment stays")),
        SelectChoice("ban", _l("Remove the comment and ban the author from this hive")),
    ]


class BanForm(Form):
    """Ban a bee, by handle, with a reason and an optional end date."""

    handle = StringField(_l("Handle"))
    reason = TextAreaField(_l("Reason"), description=_l("The bee reads this."))
    until = DateField(
        _l("Ban until (leave empty for a permanent ban)"), validators=[Optional()], format="%Y-%m-%d"
    )
    submit = SubmitField(_l("Ban"))


class HandleForm(Form):
    """A member, by handle (appointing a moderator, handing the hive on)."""

    handle = StringField(_l("Handle"))
    submit = SubmitField(_l("Confirm"))


class RulesForm(Form):
    """The hive's rules."""

    rules = TextAreaField(
        _l("Rules"), description=_l("Markdown. Shown to bees when they join and when they report a post.")
    )
    submit = SubmitField(_l("Save rules"))
