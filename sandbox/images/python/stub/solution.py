"""Stands in for a submission while the harness counts a grader's tests: any imported name resolves."""


class _Anything:
    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __call__(self, *args: object, **kwargs: object) -> "_Anything":
        return _Anything()

    def __getattr__(self, name: str) -> "_Anything":
        return _Anything()


def __getattr__(name: str) -> object:
    return _Anything
