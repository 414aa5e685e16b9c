from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class EditorsWrite(DjangoModelPermissions):
    """Anyone reads; writing needs the model permission the Editors group holds."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return super().has_permission(request, view)


class CanChange(DjangoModelPermissions):
    """Editors only, whatever the method: the change permission on the view's model."""

    perms_map = {
        method: ["%(app_label)s.change_%(model_name)s"]
        for method in ("GET", "OPTIONS", "HEAD", "POST", "PUT", "PATCH", "DELETE")
    }


def is_editor(user) -> bool:
    """Editors see drafts and hidden records as well as what is published."""
    return bool(user and user.is_authenticated and user.has_perm("archive.change_article"))
