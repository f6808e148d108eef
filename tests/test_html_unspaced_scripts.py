"""Pages in scripts printed without spaces (Chinese, Japanese): their sentences are text.

Written for these tests; the form is that of Chinese and Japanese news pages met among
mozilla/readability's test pages: paragraphs with no Latin letter and no space, closed by "。",
"？" or a closing quote, under a subheading.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document, count_words


def page(body: str, title: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    )


CHINESE = [
    "韩国志愿者在老街省为一所小学建了一个新的阅览室。",
    "阅览室里有三千多本书，大部分是釜山家庭捐赠的。",
    "校长说：“孩子们现在有了一个明亮的读书地方。”",
    "学校计划明年再增加一个电脑角？",
]


def test_chinese_paragraphs_are_the_body() -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in CHINESE)
    article = clean_document(page(body, "志愿者建阅览室"), "https://example.cn/news/1.html")
    assert article.paragraphs == tuple(CHINESE)


def test_japanese_paragraphs_under_a_subheading_are_the_body() -> None:
    paragraphs = [
        "韓国の大学生たちがベトナム北部の小学校で図書室を作りました。",
        "図書室には約三千冊の本があり、毎日午後に開いています。",
    ]
    body = f"<p>{paragraphs[0]}</p><h2>図書室の様子</h2><p>{paragraphs[1]}</p>"
    article = clean_document(page(body, "図書室が完成"), "https://example.jp/news/2.html")
    assert article.paragraphs == (paragraphs[0], "図書室の様子", paragraphs[1])


def test_long_lines_without_a_closing_mark_are_text() -> None:
    # A photo blog's lines: long, in Chinese, no sentence mark at their end.
    lines = [
        "营地里除了露营和民宿以外还有很多木头做的小饰品让人一看就喜欢",
        "一走进园子就看到满山的红叶 每一层颜色都不一样让人舍不得离开",
    ]
    body = "".join(f"<p>{line}</p>" for line in lines) + f"<p>{CHINESE[0]}</p>"
    article = clean_document(page(body, "红叶季节"), "https://example.tw/blog/3.html")
    assert article.paragraphs == (*lines, CHINESE[0])


def test_unspaced_characters_count_as_words() -> None:
    assert count_words("阅览室里有三千多本书。") == 1 + 10 // 2
    assert count_words("The reading room opens.") == 4
    assert count_words("TNW中文站 10月14日报道") == 2 + 7 // 2
