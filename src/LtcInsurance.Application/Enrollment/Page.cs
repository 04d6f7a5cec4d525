namespace LtcInsurance.Application.Enrollment;

/// <summary>One page of a list: the rows from <see cref="Skip"/> on, at most <see cref="Take"/>, of <see cref="Total"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);
