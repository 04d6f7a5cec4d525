namespace LtcInsurance.Application.Enrollment;

/// <summary>
/// One page of a list: the rows from <see cref="Skip"/> on, at most <see cref="Take"/>, of <see cref="Total"/>.
/// <see cref="TotalIsLowerBound"/>: the list stopped counting (there are at least <see cref="Total"/> rows; a list of a
/// million never counts them all). <see cref="NextKey"/>: the keyset of the page's last row, handed back to ask for the
/// following pages without an offset (null when the order pages by offset). <see cref="TotalIsEstimate"/>: the total is
/// the database's estimate, rounded (a register of a million is never counted), shown as approximate.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take, bool TotalIsLowerBound = false,
    string? NextKey = null, bool TotalIsEstimate = false);
