namespace LtcInsurance.Domain.Tests.Policies;

/// <summary>Builds national 2021 item scores reaching given indicator totals.</summary>
internal static class National2021Items
{
    private static readonly (string Code, int Max)[] Adl =
    [
        ("feeding", 10), ("dressing", 10), ("grooming", 5), ("bowels", 10), ("bladder", 10),
        ("toilet", 10), ("mobility", 15), ("transfer", 15), ("stairs", 10), ("bathing", 5),
    ];

    private static readonly string[] Cognition = ["time_orientation", "person_orientation", "place_orientation", "memory"];
    private static readonly string[] Perception = ["vision", "hearing", "communication"];

    /// <summary>Greedy fill: ADL in steps of 5 up to each item's maximum, the others 0–4 per item.</summary>
    public static Dictionary<string, int> With(int adl, int cognition, int perception)
    {
        var items = new Dictionary<string, int>();
        var left = adl;
        foreach (var (code, max) in Adl)
        {
            var score = Math.Min(max, left);
            items[code] = score;
            left -= score;
        }

        Fill(items, Cognition, cognition);
        Fill(items, Perception, perception);
        return items;
    }

    private static void Fill(Dictionary<string, int> items, string[] codes, int total)
    {
        foreach (var code in codes)
        {
            var score = Math.Min(4, total);
            items[code] = score;
            total -= score;
        }
    }
}
