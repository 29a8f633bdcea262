"""Composer and editor forms."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from app.forms import Form


class CheckboxesField(SelectMultipleField):
    """Several choices as check boxes; unknown values are left to the service to refuse."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PostForm(Form):
    """Honey or buzz, its text, and the hives it goes to."""

    kind = RadioField(
        _l("Kind"),
        choices=[
            SelectChoice("buzz", _l("Buzz — a short post")),
            SelectChoice("honey", _l("Honey — an article with a title")),
        ],
        default="buzz",
        validate_choice=False,
    )
    title = StringField(_l("Title"), description=_l("Honey only"))
    body = TextAreaField(
        _l("Text"), description=_l("Markdown: **bold**, *italics*, lists, tables, ```code```")
    )
    hives = CheckboxesField(_l("Also post to these hives"), coerce=int, validate_choice=False)
    submit = SubmitField(_l("Publish"))


class EditPostForm(Form):
    """The text (and a honey's title) of an existing post."""

    title = StringField(_l("Title"))
    body = TextAreaField(_l("Text"))
    submit = SubmitField(_l("Save changes"))


class CommentForm(Form):
    """A comment, or a reply under the comment ``parent_id`` names."""

    body = TextAreaField(_l("Your comment"), description=_l("Markdown works here too."))
    parent_id = HiddenField()
    submit = SubmitField(_l("Comment"))


class EditCommentForm(Form):
    """The text of an existing comment."""

    body = TextAreaField(_l("Your comment"))
    submit = SubmitField(_l("Save changes"))


class RelevantForm(Form):
    """Mark a post Relevant (``relevant=1``) or take the mark back (``0``)."""

    relevant = HiddenField()
    next = HiddenField()


class ShareForm(Form):
    """Share a post: an optional comment, and hives besides my followers."""

    body = TextAreaField(_l("Add a comment (optional)"), description=_l("Markdown works here too."))
    hives = CheckboxesField(_l("Also share to these hives"), coerce=int, validate_choice=False)
    submit = SubmitField(_l("Share"))
