"""The one error type the guide raises for bad data or a bad macro call."""
from mkdocs.exceptions import PluginError


class GuideError(PluginError):
    """A problem a contributor can fix; the message says where and how."""
