"""People and their positions: a name followed by its titles ("Kim Min-su, president of the
X Institute"), titles before names ("President Moon Jae-in"), member lists, and later
references to a name already found.

Modules: `names` (name words and runs), `record` (a person and positions recorded),
`titles_after_name` with `title_clause` (the titles a name's clause reads),
`titles_before_name` with `owners` (whose such a title is), `member_lists`, `names_alone`,
and `stage`, whose `find_people` runs them in order. Other code imports only what this
module offers."""

from archive.importing.extract.people.stage import find_people

__all__ = ["find_people"]
