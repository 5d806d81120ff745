"""What the pages of the built site hold, in every language: the playbook's cross-links,
the lifecycle checklists, breadcrumbs, real check boxes, print styles, no other host."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from html_tree import ancestors, has_class, one, page_tree, text_of, with_class
from real_site import BuiltSite
from test_built_site import built_html, normalized, resolve

from generator.render.site_map import HOME, site_pages

RESOURCE_ATTRIBUTES = {
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "object": "data",
}


def tree(site: BuiltSite, code: str, page_id: str) -> Element:
    return page_tree(site.site / site.page_path(code, page_id))


def targets(site: BuiltSite, code: str, page_id: str, links: list[Element]) -> list[Path | None]:
    """The built files the links point to, in order (None for a link to nowhere)."""
    where = site.page_path(code, page_id)
    return [resolve(site.site, where, link.get("href", ""))[0] for link in links]


def page_file(site: BuiltSite, code: str, page_id: str) -> Path:
    return site.site / site.page_path(code, page_id)


def section(root: Element, heading_id: str) -> Element:
    """The <section> a heading labels."""
    return one(
        [s for s in root.iter("section") if s.get("aria-labelledby") == heading_id],
        f"<section aria-labelledby={heading_id!r}>",
    )


def following_list(container: Element, heading_id: str) -> Element:
    """The list that comes right after a heading, inside the same container."""
    children = list(container)
    heading = next(n for n, child in enumerate(children) if child.get("id") == heading_id)
    following = children[heading + 1]
    assert following.tag in ("ul", "ol"), f"no list after #{heading_id}"
    return following


# --- The playbook: index, cross-links, stage checklists -----------------------------------


def test_the_playbook_index_lists_every_play_by_attribute_and_by_stage_without_script(
    site: BuiltSite,
) -> None:
    model = site.model
    for code in model.language_codes:
        root = tree(site, code, "playbook/index")
        # The only script is the phone menu's, which leaves the menu open when it cannot run.
        [main] = root.iter("main")
        assert not list(main.iter("script")), "the index must work without JavaScript"
        assert [script.get("src") for script in root.iter("script")] == [None]

        every = section(root, "all-plays")
        listed = targets(site, code, "playbook/index", list(every.iter("a")))
        assert listed == [page_file(site, code, f"playbook/{p.id}") for p in model.plays]

        by_attribute = section(root, "by-attribute")
        for attribute in model.attributes:
            heading_id = f"attribute-{attribute.id}"
            heading = one([h for h in by_attribute.iter("h3") if h.get("id") == heading_id], "h3")
            assert targets(site, code, "playbook/index", list(heading.iter("a"))) == [
                page_file(site, code, f"model/{attribute.id}")
            ]
            assert text_of(heading) == normalized(attribute.name[code])
            plays = list(following_list(by_attribute, heading_id).iter("a"))
            assert model.plays_for(attribute), f"no play advances {attribute.id}"
            assert targets(site, code, "playbook/index", plays) == [
                page_file(site, code, f"playbook/{p.id}") for p in model.plays_for(attribute)
            ], (code, attribute.id)

        by_stage = section(root, "by-stage")
        for stage in model.stages:
            heading_id = f"stage-{stage.id}"
            heading = one([h for h in by_stage.iter("h3") if h.get("id") == heading_id], "h3")
            assert targets(site, code, "playbook/index", list(heading.iter("a"))) == [
                page_file(site, code, f"lifecycle/{stage.id}")
            ]
            plays = list(following_list(by_stage, heading_id).iter("a"))
            assert model.plays_for(stage), f"no play applies at {stage.id}"
            assert targets(site, code, "playbook/index", plays) == [
                page_file(site, code, f"playbook/{p.id}") for p in model.plays_for(stage)
            ], (code, stage.id)


def test_each_attribute_page_lists_its_plays_and_each_statement_the_plays_advancing_it(
    site: BuiltSite,
) -> None:
    model = site.model
    advanced_by = {
        code: normalized(model.strings["attribute.advanced_by"][code])
        for code in model.language_codes
    }
    codes: dict[str, str] = {}
    for code in model.language_codes:
        for attribute in model.attributes:
            page_id = f"model/{attribute.id}"
            root = tree(site, code, page_id)
            main = one([m for m in root.iter("main")], "<main>")
            plays_list = following_list(one(with_class(root, "div", "page"), "page"), "plays")
            assert targets(site, code, page_id, list(plays_list.iter("a"))) == [
                page_file(site, code, f"playbook/{p.id}") for p in model.plays_for(attribute)
            ], (code, page_id)

            for statement in attribute.statements:
                item = one([li for li in main.iter("li") if li.get("id") == statement.id], "li")
                shown = text_of(one(with_class(item, "p", "statement-text"), "text"))
                statement_code, _, text = shown.partition(" ")
                assert text == normalized(statement.text[code])
                assert re.fullmatch(r"[A-Z]{2,4}-[1-9][0-9]?", statement_code), shown
                assert codes.setdefault(statement.id, statement_code) == statement_code, code
                labels = [text_of(dt) for dt in item.iter("dt")]
                assert advanced_by[code] in labels, (code, statement.id)
                plays = [a for dd in item.iter("dd") for a in dd.iter("a")]
                assert targets(site, code, page_id, plays) == [
                    page_file(site, code, f"playbook/{p.id}") for p in model.plays_for(statement)
                ], (code, statement.id)
    # Codes: the attribute's code and the statement's place in it, the same in both languages.
    assert len(set(codes.values())) == len(model.statements)
    assert (codes["accessible-one-location"], codes["accessible-universal-design"]) == (
        "ACC-1",
        "ACC-10",
    )
    assert (codes["consistent-reliable"], codes["simple-personalized"]) == ("CON-1", "SIM-6")


def test_each_play_page_links_back_to_the_statements_it_advances(site: BuiltSite) -> None:
    model = site.model
    for code in model.language_codes:
        for play in model.plays:
            page_id = f"playbook/{play.id}"
            root = tree(site, code, page_id)
            advances = one(with_class(root, "ul", "advances"), "ul.advances")
            links = [item.find("a") for item in advances.iter("li")]
            where = site.page_path(code, page_id)
            reached = [
                resolve(site.site, where, link.get("href", "")) if link is not None else None
                for link in links
            ]
            assert reached == [
                (page_file(site, code, f"model/{model.attribute_of(model.statement(s)).id}"), s)
                for s in play.statements
            ], (code, play.id)


def test_each_stage_page_gathers_its_own_items_then_the_plays_items_grouped_and_linked(
    site: BuiltSite,
) -> None:
    model = site.model
    for code in model.language_codes:
        for stage in model.stages:
            page_id = f"lifecycle/{stage.id}"
            root = tree(site, code, page_id)
            _, own_items = model.checklist_items(stage)
            assert own_items, f"stages.yml has no items of its own for {stage.id}"
            own = section(root, "own-items")
            assert [box.get("value") for box in own.iter("input")] == [i.id for i in own_items]
            assert [text_of(label) for label in own.iter("label")] == [
                normalized(item.text[code]) for item in own_items
            ], (code, stage.id)

            from_plays = section(root, "play-items")
            groups = with_class(from_plays, "div", "checklist-group")
            plays = model.plays_for(stage)
            assert len(groups) == len(plays), (code, stage.id)
            for group, play in zip(groups, plays, strict=True):
                heading = one(list(group.iter("h4")), "h4")
                assert text_of(heading) == normalized(play.title[code])
                assert targets(site, code, page_id, list(heading.iter("a"))) == [
                    page_file(site, code, f"playbook/{play.id}")
                ]
                actions = model.actions_at(play, stage)
                assert actions, f"{play.id} applies at {stage.id} but has no action there"
                boxes = list(group.iter("input"))
                assert [(b.get("name"), b.get("value")) for b in boxes] == [
                    (play.id, action.id) for action in actions
                ]
                assert [text_of(label) for label in group.iter("label")] == [
                    normalized(action.text[code]) for action in actions
                ], (code, stage.id, play.id)


def test_the_lifecycle_page_links_every_stage_checklist(site: BuiltSite) -> None:
    for code in site.model.language_codes:
        root = tree(site, code, "lifecycle/index")
        linked = set(targets(site, code, "lifecycle/index", list(root.iter("a"))))
        for stage in site.model.stages:
            assert page_file(site, code, f"lifecycle/{stage.id}") in linked, (code, stage.id)


# --- On every page ----------------------------------------------------------------------


def test_every_check_box_is_inside_a_label_with_words(site: BuiltSite) -> None:
    """pymdownx task lists fail axe's `label` rule; ours are <label><input> words</label>."""
    problems: list[str] = []
    pages_with_boxes: set[str] = set()
    for relative in built_html(site):
        root = page_tree(site.site / relative)
        for box in root.iter("input"):
            if box.get("type") != "checkbox":
                continue
            pages_with_boxes.add(relative)
            label = next((a for a in ancestors(root, box) if a.tag == "label"), None)
            if label is None or not text_of(label):
                problems.append(f"{relative}: checkbox {box.get('name')}={box.get('value')}")
        problems += [f"{relative}: task list" for _ in with_class(root, "ul", "task-list")]
    assert not problems, "\n".join(problems)
    for code in site.model.language_codes:
        for page_id in [f"lifecycle/{s.id}" for s in site.model.stages] + [
            f"playbook/{p.id}" for p in site.model.plays
        ]:
            assert site.page_path(code, page_id) in pages_with_boxes, (code, page_id)


def test_breadcrumbs_lead_from_home_to_the_page_through_its_parents(site: BuiltSite) -> None:
    model = site.model
    pages = {page.page_id: page for page in site_pages(model)}
    for code, page_id in site.html_pages():
        root = tree(site, code, page_id)
        trails = with_class(root, "nav", "breadcrumbs")
        if page_id == HOME:
            assert not trails, "the home page needs no breadcrumbs"
            continue
        trail = one(trails, "nav.breadcrumbs")
        assert trail.get("aria-label") == model.strings["site.breadcrumb"][code]
        ancestors_ids: list[str] = []
        parent = pages[page_id].parent
        while parent is not None:
            ancestors_ids.insert(0, parent)
            parent = pages[parent].parent
        assert targets(site, code, page_id, list(trail.iter("a"))) == [
            page_file(site, code, ancestor) for ancestor in ancestors_ids
        ], (code, page_id)
        current = [span for span in trail.iter("span") if span.get("aria-current") == "page"]
        h1 = one(list(root.iter("h1")), "h1")
        assert text_of(one(current, "current crumb")) == text_of(h1), (code, page_id)


def test_every_page_links_the_theme_stylesheet_and_its_print_rules(site: BuiltSite) -> None:
    """One stylesheet serves screen and print: its print rules hide the navigation."""
    theme_css = site.site / "css" / "site.css"
    for relative in built_html(site):
        root = page_tree(site.site / relative)
        sheets = [link for link in root.iter("link") if link.get("rel") == "stylesheet"]
        reached = [resolve(site.site, relative, link.get("href", ""))[0] for link in sheets]
        assert theme_css in reached, relative
    print_rules = re.search(r"@media print\s*\{(.*)", theme_css.read_text("utf-8"), re.DOTALL)
    assert print_rules, "site.css has no print rules"
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".site-search", ".pager"):
        assert hidden in print_rules.group(1), f"{hidden} still prints"


def test_no_page_or_stylesheet_asks_another_host_for_anything(site: BuiltSite) -> None:
    """System fonts and local files only: a page that loads must not reach out."""
    external = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
    problems: list[str] = []
    for relative in built_html(site):
        root = page_tree(site.site / relative)
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in root.iter(tag):
                if tag == "link" and element.get("rel") == "alternate":
                    continue  # hreflang alternates are addresses, not downloads
                value = element.get(attribute, "")
                if external.match(value):
                    problems.append(f"{relative}: <{tag} {attribute}={value!r}>")
        for element in root.iter():
            if external.match(element.get("srcset", "")) or "url(" in element.get("style", ""):
                problems.append(f"{relative}: <{element.tag}> loads from its attributes")
    for css in site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for found in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(
            r"@import\s+['\"]([^'\"]+)", text
        ):
            if external.match(found):
                problems.append(f"{css.relative_to(site.site)}: {found}")
    assert not problems, "\n".join(problems)


def test_every_listed_page_can_be_reached_from_the_home_page_by_links(site: BuiltSite) -> None:
    """Following links from a language's home page reaches every page the navigation lists."""
    for code in site.model.language_codes:
        start = page_file(site, code, HOME)
        seen = {start}
        queue = [start]
        while queue:
            current = queue.pop()
            relative = current.relative_to(site.site).as_posix()
            for link in page_tree(current).iter("a"):
                target, _ = resolve(site.site, relative, link.get("href", ""))
                if target is not None and target.suffix == ".html" and target not in seen:
                    seen.add(target)
                    queue.append(target)
        listed = {page_file(site, code, p.page_id) for p in site_pages(site.model) if p.listed}
        missing = sorted(str(p.relative_to(site.site)) for p in listed - seen)
        assert not missing, f"not reachable from the {code} home page: {missing}"


def test_the_main_menu_is_on_every_page_and_marks_where_the_reader_is(site: BuiltSite) -> None:
    model = site.model
    menu_pages = [p.page_id for p in site_pages(model) if p.in_main_menu]
    assert {"model/index", "playbook/index", "lifecycle/index"} <= set(menu_pages)
    for code, page_id in site.html_pages():
        root = tree(site, code, page_id)
        menu = one(with_class(root, "nav", "main-menu"), "nav.main-menu")
        links = list(menu.iter("a"))
        assert targets(site, code, page_id, links) == [
            page_file(site, code, p) for p in menu_pages
        ], (code, page_id)
        current = [a for a in links if a.get("aria-current") == "page"]
        if page_id in menu_pages:
            assert len(current) == 1, (code, page_id)
        else:
            assert not current, (code, page_id)
        section_marks = [a for a in links if has_class(a, "in-section")]
        if page_id.startswith(("model/", "playbook/", "lifecycle/")) and page_id not in menu_pages:
            assert len(section_marks) == 1, (code, page_id)
