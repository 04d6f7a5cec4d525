using LtcInsurance.Application.Claims.ListClaims;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Performance;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>
/// The list of claims (issue #15 item 7): the page's rows with one claim more, and a count, capped, only when the list
/// goes on past the page or the page lies past its end; never a count of every claim for every page.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ClaimListTests(RegisterDatabase database)
{
    private static readonly (string, decimal)[] Items = [("YL-LS01", 80m)];

    [Fact]
    public async Task A_claims_page_counts_the_claims_only_when_the_list_goes_on()
    {
        var desk = await YulinClaims.FreshAsync(database, "claims_list_count", 3000m, Items);
        var claims = (await YulinClaims.MonthlyAsync(desk, "页", 3, 5, Items, hospitalStay: false, null, null)).ClaimIds;
        await using var clerk = desk.Clerk("clerk.list");

        Page<ClaimListItem>? first = null, last = null, whole = null, past = null;
        var firstCommands = await SqlStatementCounter.Measure(async () => first = await clerk.Send(new ListClaimsQuery(0, 2)));
        var lastCommands = await SqlStatementCounter.Measure(async () => last = await clerk.Send(new ListClaimsQuery(4, 2)));
        var wholeCommands = await SqlStatementCounter.Measure(async () => whole = await clerk.Send(new ListClaimsQuery(0, 20)));
        var pastCommands = await SqlStatementCounter.Measure(async () => past = await clerk.Send(new ListClaimsQuery(40, 20)));

        // The list goes on: its rows and a count of at most CountCap + 1 claims.
        Assert.Equal((2, 5, false), (first!.Items.Count, first.Total, first.TotalIsLowerBound));
        Assert.Equal(2, firstCommands.Count);
        Assert.Contains("LIMIT", firstCommands[1], StringComparison.OrdinalIgnoreCase);
        // Newest month first, and the page after it continues the order.
        Assert.Equal(["2027-05", "2027-04"], first.Items.Select(c => c.Month));
        // A page that ends the list, or the whole list on one page, is counted by its rows: one statement.
        Assert.Equal((1, 5), (last!.Items.Count, last.Total));
        Assert.Equal(claims[0], last.Items[0].Id);
        Assert.Single(lastCommands);
        Assert.Equal((5, 5), (whole!.Items.Count, whole.Total));
        Assert.Single(wholeCommands);
        // Past the end (a stale link): no rows, and the count, so the pager can go back.
        Assert.Equal((0, 5), (past!.Items.Count, past.Total));
        Assert.Equal(2, pastCommands.Count);
    }
}
