"""The import resolves people by their name's words in any order, and fills the native name."""

import pytest

from archive.models import Person, Tombstone

pytestmark = pytest.mark.django_db


def write_article(folder, name: str, title: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"Title {title}\nDate 2024-05-02 Hit 12\n\n{body}\n")


def test_one_person_for_a_name_in_either_order(tmp_path, run_import):
    folder = tmp_path / "pages"
    write_article(
        folder,
        "a.txt",
        "Chemists meet in Busan",
        "Minghong HE (何明红), President of Fudan University, opened the meeting in Busan.",
    )
    write_article(
        folder,
        "b.txt",
        "A new catalyst",
        "Minghong He, President of Fudan University, presented a new catalyst in Seoul.",
    )
    run_import(folder)
    people = Person.objects.filter(name__icontains="minghong")
    assert people.count() == 1
    person = people.get()
    assert person.native_name == "何明红"
    assert person.normalized_name == "minghong he"  # the order the name is written in


def test_an_editors_person_is_found_in_the_other_order(tmp_path, run_import):
    editor = Person.objects.create(name="Lee Byeong-taek", slug="lee-byeong-taek")
    folder = tmp_path / "pages"
    write_article(
        folder,
        "a.txt",
        "A visit to Daejeon",
        "Byeong-taek LEE, Director of the Korea Energy Research Institute, met the guests.",
    )
    run_import(folder)
    assert Person.objects.filter(name__icontains="byeong").count() == 1
    editor.refresh_from_db()
    assert editor.mentions.exists()


def test_a_locked_native_name_is_not_filled(tmp_path, run_import):
    person = Person.objects.create(
        name="Hou Jianguo", slug="hou-jianguo", locked_fields=["native_name"]
    )
    folder = tmp_path / "pages"
    write_article(
        folder,
        "a.txt",
        "Academy news",
        "Hou Jianguo (侯建国), President of the Chinese Academy of Sciences, spoke.",
    )
    run_import(folder)
    person.refresh_from_db()
    assert person.native_name == ""


def test_a_deleted_person_stays_deleted_in_the_other_order(tmp_path, run_import):
    Tombstone.objects.create(kind=Tombstone.Kind.PERSON, key="jianguo hou", name="Jianguo Hou")
    folder = tmp_path / "pages"
    write_article(
        folder,
        "a.txt",
        "Academy news",
        "HOU Jianguo, President of the Chinese Academy of Sciences, spoke.",
    )
    run_import(folder)
    assert not Person.objects.filter(name__icontains="jianguo").exists()
