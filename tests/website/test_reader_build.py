"""The built site's reader-facing files: citation metadata, Open Graph, the sitemap's
dates, the 404 page, the favicon, what is not deployed, region and home pages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from builder import asset_bundles
from builder.corpus.model import DOC_TYPES
from builder.pages import cite
from builder.pages.lastmod import corpus_dates
from builder.pages.settings import SiteSettings

from .sitebuild import REPO, BuiltSite

SETTINGS = SiteSettings(site_name="注释版", site_url="https://example.org/x/", repo_url="https://example.org/r",
                        branch="main")


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.meta.append(dict(attrs))
        elif tag == "link":
            self.links.append(dict(attrs))


def head(built_site: BuiltSite, url_path: str) -> _Meta:
    parser = _Meta()
    parser.feed(built_site.html(url_path).read_text(encoding="utf-8"))
    return parser


def values(parser: _Meta, key: str, name: str) -> list[str]:
    return [str(m.get("content")) for m in parser.meta if m.get(key) == name]


# -- citation: one authorship rule ------------------------------------------------------

def test_every_document_type_cites_the_issuing_government_as_author(built_site: BuiltSite) -> None:
    types = set()
    for doc in built_site.corpus.documents:
        types.add(doc.meta.doc_type)
        author = cite.issuing_government(doc)
        assert author.endswith("人民政府") and doc.meta.region in author
        url = SETTINGS.page_url(f"documents/{doc.id}/")
        assert cite.plain(doc, url, SETTINGS).startswith(f"{author}. {doc.meta.title}[R/OL].")
        assert f"author = {{{{{author}}}}}" in cite.bibtex(doc, url, SETTINGS)
        assert f'"literal": "{author}"' in cite.csl_json(doc, url, SETTINGS).split('"contributor"')[0]
        assert ("citation_author", author) in cite.highwire(doc, url, SETTINGS)
    assert len(types) >= 3, types  # the rule is checked on several document types
    assert types <= set(DOC_TYPES)


def test_the_speaker_is_a_contributor_not_the_author(built_site: BuiltSite) -> None:
    spoken = [d for d in built_site.corpus.documents if d.meta.speaker]
    assert spoken
    for doc in spoken:
        url = SETTINGS.page_url(f"documents/{doc.id}/")
        assert doc.meta.speaker not in cite.plain(doc, url, SETTINGS).split(".")[0]
        assert f"报告人：{doc.meta.speaker_title or ''}" in cite.plain(doc, url, SETTINGS)
        assert doc.meta.speaker in cite.csl_json(doc, url, SETTINGS).split('"contributor"')[1]


def test_a_district_government_is_named_with_its_city(built_site: BuiltSite) -> None:
    lishi = built_site.corpus.by_id("lishi-2021-gongzuobaogao")
    assert lishi is not None and cite.issuing_government(lishi) == "吕梁市离石区人民政府"


def test_every_format_carries_the_access_date_the_browser_fills_in(built_site: BuiltSite) -> None:
    doc = built_site.corpus.documents[0]
    url = SETTINGS.page_url(f"documents/{doc.id}/")
    assert f"[{cite.ACCESS_DATE}]" in cite.plain(doc, url, SETTINGS)
    assert f"urldate = {{{cite.ACCESS_DATE}}}" in cite.bibtex(doc, url, SETTINGS)
    assert f'"accessed": {{\n      "raw": "{cite.ACCESS_DATE}"' in cite.csl_json(doc, url, SETTINGS)


def test_the_citation_formats_are_plain_text_on_the_page(built_site: BuiltSite) -> None:
    """No syntax-highlighting spans in 引用本文: paragraph-cite.js sets each block's text on load
    (the access date), so highlighting was bytes no reader with scripts saw (issue 12)."""
    html = built_site.html("documents/lvliang-2021-gongzuobaogao").read_text(encoding="utf-8")
    box = html[html.index('<div class="edition-cite"'):html.index("</article>")]
    codes = re.findall(r"<code>(.*?)</code>", box, re.S)
    assert len(codes) == 3 and "@techreport{" in codes[1] and '"type": "report"' in codes[2].replace("&quot;", '"')
    assert not any("<span" in c for c in codes)


def test_document_pages_carry_highwire_citation_tags(built_site: BuiltSite) -> None:
    doc = built_site.corpus.by_id("lishi-2021-gongzuobaogao")
    assert doc is not None
    page = head(built_site, f"documents/{doc.id}")
    assert values(page, "name", "citation_title") == [doc.meta.title]
    assert values(page, "name", "citation_author") == ["吕梁市离石区人民政府"]
    assert values(page, "name", "citation_publication_date") == [doc.meta.date.strftime("%Y/%m/%d")]
    assert values(page, "name", "citation_public_url")[0].endswith(f"/documents/{doc.id}/")


# -- Open Graph, favicon, 404 ------------------------------------------------------------

@pytest.mark.parametrize("url_path", ["", "documents/lvliang-2021-gongzuobaogao", "glossary/sanling"])
def test_pages_carry_open_graph_tags(built_site: BuiltSite, url_path: str) -> None:
    page = head(built_site, url_path)
    for prop in ("og:title", "og:description", "og:site_name", "og:type", "og:url", "og:locale"):
        assert values(page, "property", prop), prop
    if url_path.startswith("documents/"):
        assert values(page, "property", "og:title") == ["吕梁市2021年政府工作报告"]
        assert values(page, "property", "og:type") == ["article"]


def test_the_favicon_is_the_editions_own(built_site: BuiltSite) -> None:
    icons = [link for link in head(built_site, "").links if link.get("rel") == "icon"]
    assert [i["href"] for i in icons] == ["assets/images/favicon.svg"]
    assert (built_site.site / "assets" / "images" / "favicon.svg").read_text().startswith("<svg")


def test_the_404_page_is_in_chinese_with_the_four_doors(built_site: BuiltSite) -> None:
    html = (built_site.site / "404.html").read_text(encoding="utf-8")
    assert "Not found" not in html
    assert "找不到这个页面" in html
    for target in ("search/", "glossary/", "indicators/"):
        assert re.search(rf'href="/[^"]*{target}"', html), target  # from the site root: any depth


# -- sitemap and deployed files ------------------------------------------------------------

def test_sitemap_lastmod_is_the_documents_last_change_not_the_build_date(built_site: BuiltSite) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(built_site.site / "sitemap.xml").getroot()
    dates = corpus_dates(built_site.corpus.root)
    by_id = {d.id: d for d in built_site.corpus.documents}
    seen = 0
    for url in root.findall("s:url", ns):
        loc = url.findtext("s:loc", namespaces=ns) or ""
        lastmod = url.findtext("s:lastmod", namespaces=ns)
        m = re.search(r"/documents/([a-z0-9-]+)/$", loc)
        if m is None:
            assert lastmod is None, f"{loc} has lastmod {lastmod}, which no source states"
            continue
        known = dates.get(by_id[m.group(1)].path.resolve())
        assert lastmod == (known.isoformat() if known else None), loc
        seen += 1
    assert seen == len(built_site.corpus.documents)


def test_no_lunr_files_or_source_maps_are_deployed(built_site: BuiltSite) -> None:
    assert not (built_site.site / "assets" / "javascripts" / "lunr").exists()
    assert not list(built_site.site.glob("assets/javascripts/workers/search.*"))
    assert not list(built_site.site.rglob("*.map"))


def test_a_page_asks_for_one_stylesheet_of_the_edition(built_site: BuiltSite) -> None:
    sheets = [str(link["href"]) for link in head(built_site, "documents/lvliang-2021-gongzuobaogao/").links
              if link.get("rel") == "stylesheet"]
    ours = [href for href in sheets if not re.search(r"/(main|palette)\.[0-9a-f]+\.min\.css$", href)]  # Material's
    assert ours == ["../../assets/stylesheets/edition.bundle.css"], sheets


def test_a_page_asks_for_the_edition_s_scripts_in_one_file_besides_the_toggle_and_the_search(
        built_site: BuiltSite) -> None:
    html = built_site.html("documents/lvliang-2021-gongzuobaogao/").read_text(encoding="utf-8")
    scripts = re.findall(r'<script ([^>]*)src="([^"]+)"', html)
    ours = [(attrs.strip(), src) for attrs, src in scripts if not re.search(r"/bundle\.[0-9a-f]+\.min\.js$", src)]
    # the colour toggle's script runs in the header as it is parsed (partials/edition-palette.html)
    assert ours == [("", "../../assets/javascripts/palette.js"),
                    ("defer", "../../assets/javascripts/edition.bundle.js"),
                    ('type="module"', "../../assets/javascripts/search/main.js")], scripts


def test_materials_settings_carry_what_its_bundle_reads_and_not_its_search(built_site: BuiltSite) -> None:
    # site_overrides/main.html's config block: Material's search is off, so its translations
    # and worker path were about 1 KB of every page that nothing read
    html = built_site.html("glossary/dianxiaoer/").read_text(encoding="utf-8")
    (settings,) = re.findall(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    config = json.loads(settings)
    assert config == {"base": "../..", "features": config["features"],
                      "translations": {"clipboard.copy": "复制", "clipboard.copied": "已复制"}}
    assert "content.code.copy" in config["features"] and "toc.follow" in config["features"]


def test_the_tab_permalink_script_is_on_the_pages_with_tabs_only(built_site: BuiltSite) -> None:
    script = 'target.checked=target.name.startsWith("__tabbed_")'
    for url_path, tabs in (("documents/lvliang-2021-gongzuobaogao/", True), ("glossary/dianxiaoer/", False),
                           ("indicators/gdp/target-2021/", False), ("", False)):
        html = built_site.html(url_path).read_text(encoding="utf-8")
        assert ('class="tabbed-set' in html) is tabs, url_path
        assert (script in html) is tabs, url_path


@pytest.mark.parametrize("bundle", asset_bundles.BUNDLES, ids=lambda b: b.uri)
def test_a_bundle_holds_every_part_in_order_and_the_parts_are_not_deployed(
        built_site: BuiltSite, bundle: asset_bundles.Bundle) -> None:
    text = (built_site.site / bundle.uri).read_text(encoding="utf-8")
    starts = [text.index((REPO / "site_overrides" / uri).read_text(encoding="utf-8").rstrip()) for uri in bundle.parts]
    assert starts == sorted(starts)
    assert not [uri for uri in bundle.parts if (built_site.site / uri).exists()]


def test_the_scripts_bundle_separates_its_parts_so_none_is_read_as_a_call_of_the_one_before(
        built_site: BuiltSite) -> None:
    text = (built_site.site / asset_bundles.SCRIPT.uri).read_text(encoding="utf-8")
    ends = [part.rstrip().endswith(";") for part in text.split("/* ---- ")[1:]]
    assert ends and all(ends)


# -- home and region pages ----------------------------------------------------------------

def test_the_home_page_opens_four_doors(built_site: BuiltSite) -> None:
    html = built_site.html("").read_text(encoding="utf-8")
    doors = html.split('class="grid cards home-doors"')[1].split("</div>")[0]
    for target in ('href="regions/"', 'href="search/"', 'href="indicators/"', 'href="glossary/"'):
        assert target in doors, target
    assert '<form class="home-search" action="search/"' in doors
    assert 'href="glossary/sanling/"' in doors  # 三零, one of the terms used in most documents


def test_a_region_page_shows_its_key_figures_and_slogans(built_site: BuiltSite) -> None:
    html = built_site.html("regions/lvliang").read_text(encoding="utf-8")
    figures = html.split('id="key-figures"')[1].split('id="slogans"')[0]
    assert "地区生产总值" in figures
    assert re.search(r'href="../../documents/lvliang-2021-gongzuobaogao/#p-37">增长8%以上</a>', figures)
    slogans = html.split('id="slogans"')[1].split('id="documents"')[0]
    assert 'href="../../glossary/' in slogans


def test_the_package_lock_pins_axe_core(built_site: BuiltSite) -> None:
    lock = (REPO / "tests" / "website" / "node" / "package-lock.json").read_text(encoding="utf-8")
    assert '"node_modules/axe-core": {\n      "version": "4.14.1"' in lock
