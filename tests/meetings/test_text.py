"""Minutes and notes are plain text rendered to safe HTML: paragraphs, lists, nothing raw."""

from meetings.text import render_plain_text


def test_blank_lines_separate_paragraphs_and_single_newlines_break_lines():
    html = render_plain_text("first line\nsecond line\n\nnext paragraph")
    assert html == "<p>first line<br>second line</p>\n<p>next paragraph</p>"


def test_dashes_stars_and_bullets_make_a_bulleted_list():
    html = render_plain_text("- one\n* two\n• three")
    assert html == "<ul><li>one</li><li>two</li><li>three</li></ul>"


def test_numbered_lines_as_the_seed_writes_them_keep_their_numbers():
    html = render_plain_text("وهي:\n1- تنسيق الخدمات\n2. الاستفادة من الإمكانيات\n٣- الدراسة")
    assert html == (
        "<p>وهي:</p>\n"
        '<ol><li value="1">تنسيق الخدمات</li><li value="2">الاستفادة من الإمكانيات</li>'
        '<li value="3">الدراسة</li></ol>'
    )


def test_a_number_or_a_dash_inside_a_sentence_is_not_a_list():
    assert render_plain_text("10.5 million\n-5 degrees") == "<p>10.5 million<br>-5 degrees</p>"


def test_script_and_html_are_shown_as_text_never_run():
    html = render_plain_text('<script>alert("x")</script>\n- <img src=x onerror=alert(1)>\n1- <b>bold</b> & co')
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in html
    assert '<li value="1">&lt;b&gt;bold&lt;/b&gt; &amp; co</li>' in html


def test_empty_text_renders_nothing():
    assert render_plain_text("") == ""
    assert render_plain_text(None) == ""
    assert render_plain_text("\n\n  \n") == ""
