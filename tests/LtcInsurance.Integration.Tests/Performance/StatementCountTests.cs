using LtcInsurance.Application.Ledger;
using LtcInsurance.Application.Ledger.ListJournalEntries;
using LtcInsurance.Application.People.GetContinuity;
using LtcInsurance.Application.People.GetPersonChanges;
using LtcInsurance.Application.People.GetPersonDetail;
using LtcInsurance.Application.People.SearchPeople;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Ledger;

namespace LtcInsurance.Integration.Tests.Performance;

/// <summary>
/// No N+1 (issue #15 item 7): the statements a page's use cases send do not grow with the rows shown. The register list
/// is one query for the rows with their status, and a capped count only when the list goes on past the page; a person's
/// detail page (detail, continuity, change history) a fixed handful; the journal one query for the rows with their
/// amounts, and the chain head (every entry) or a capped count (a filter) when the list goes on.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class RegisterStatementCountTests(RegisterDatabase database)
{
    [Fact]
    public async Task A_register_page_takes_two_statements_whether_it_shows_two_people_or_twenty()
    {
        await using var db = database.App(TenantIds.Jining);
        var people = new List<Domain.Enrollment.InsuredPerson>();
        for (var i = 0; i < 25; i++)
            people.Add(await RegisterDatabase.AddPersonAsync(db, $"计数页{i:D2}", "370811", new DateOnly(1950, 1, 1)));
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);

        Application.Enrollment.Page<Application.People.PersonSummary>? small = null, large = null, next = null, byId = null;
        var smallCommands = await SqlStatementCounter.Measure(async () => small = await host.Send(new SearchPeopleQuery("计数页", 1, 2)));
        var largeCommands = await SqlStatementCounter.Measure(async () => large = await host.Send(new SearchPeopleQuery("计数页", 1, 20)));
        var nextCommands = await SqlStatementCounter.Measure(async () =>
            next = await host.Send(new SearchPeopleQuery("计数页", 2, 20, After: large!.NextKey, AfterPage: 1)));
        var idCommands = await SqlStatementCounter.Measure(async () =>
            byId = await host.Send(new SearchPeopleQuery(people[3].IdNumber.Value[..14])));

        Assert.Equal((2, 20, 5), (small!.Items.Count, large!.Items.Count, next!.Items.Count));
        Assert.Equal(25, next.Total);
        // The keyset page continues exactly where the first stopped.
        Assert.Equal([.. Enumerable.Range(20, 5).Select(i => $"计数页{i:D2}")], next.Items.Select(p => p.Name));
        Assert.Contains(byId!.Items, p => p.Id.Value == people[3].Id);
        // The rows (and one more) and, because the list goes on, the capped count; the last page is counted by its rows.
        Assert.Equal(2, smallCommands.Count);
        Assert.Equal(smallCommands.Count, largeCommands.Count);
        Assert.Equal(1, nextCommands.Count);
        Assert.Equal(2, idCommands.Count);
        // The ID number prefix is a range on the stored column (the unique index), never a cast to text.
        Assert.DoesNotContain(idCommands, c => c.Contains("::text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_persons_detail_page_takes_the_same_few_statements_whoever_it_shows()
    {
        await using var db = database.App(TenantIds.Jining);
        var plain = await RegisterDatabase.AddPersonAsync(db, "计数详甲", "370811", new DateOnly(1950, 1, 1));
        var busy = await RegisterDatabase.AddPersonAsync(db, "计数详乙", "370811", new DateOnly(1950, 1, 1));
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);

        async Task<int> DetailPageAsync(Guid id) => (await SqlStatementCounter.Measure(async () =>
        {
            var person = new PersonId(id);
            Assert.NotNull(await host.Send(new GetPersonDetailQuery(person)));
            await host.Send(new GetContinuityQuery(person, new DateOnly(2027, 6, 1)));
            await host.Send(new GetPersonChangesQuery(person));
        })).Count;

        var first = await DetailPageAsync(plain.Id);
        Assert.InRange(first, 3, 15);
        Assert.Equal(first, await DetailPageAsync(busy.Id));
    }
}

[Collection(LedgerDatabaseCollection.Name)]
public sealed class JournalStatementCountTests(LedgerDatabase database)
{
    [Fact]
    public async Task A_journal_page_takes_two_statements_whether_it_shows_one_entry_or_eleven()
    {
        var tenant = await database.NewTenantAsync();
        await using (var db = database.App(tenant))
        {
            var poster = LedgerDatabase.Poster(db);
            for (var i = 0; i < 12; i++)
                await poster.PostAsync(LedgerDatabase.Contribution($"n{i}", 10m + i, new DateOnly(2027, 1, 5)));
        }
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        JournalEntryPage? one = null, eleven = null, twelve = null, after = null;
        var oneCommands = await SqlStatementCounter.Measure(async () =>
            one = await auditor.Send(new ListJournalEntriesQuery(JournalEntryFilter.None, 1, 1)));
        var elevenCommands = await SqlStatementCounter.Measure(async () =>
            eleven = await auditor.Send(new ListJournalEntriesQuery(JournalEntryFilter.None, 1, 11)));
        var twelveCommands = await SqlStatementCounter.Measure(async () =>
            twelve = await auditor.Send(new ListJournalEntriesQuery(JournalEntryFilter.None, 1, 12)));
        var afterCommands = await SqlStatementCounter.Measure(async () =>
            after = await auditor.Send(new ListJournalEntriesQuery(JournalEntryFilter.None, 2, 5, After: 8, AfterPage: 1)));

        Assert.Equal((1, 11, 12), (one!.Rows.Count, eleven!.Rows.Count, twelve!.Rows.Count));
        Assert.Equal((12, 12, 12), (one.Total, eleven.Total, twelve.Total));
        // The rows (and one more) and, as the list goes on, the chain head; a page that holds the whole list is the rows alone.
        Assert.Equal(2, oneCommands.Count);
        Assert.Equal(oneCommands.Count, elevenCommands.Count);
        Assert.Single(twelveCommands);
        Assert.Equal(2, afterCommands.Count);
        // Keyset: page 2 of five, newest first, after entry 8 (the last of page 1): 7..3.
        Assert.Equal([7L, 6, 5, 4, 3], after!.Rows.Select(r => r.Sequence.Value));
        Assert.Equal((2, 12), (after.Page, after.Total));
        // Every entry is counted by the chain head, never by count(*).
        Assert.All(new[] { oneCommands, elevenCommands, twelveCommands, afterCommands }.SelectMany(c => c),
            c => Assert.DoesNotContain("count(", c, StringComparison.OrdinalIgnoreCase));

        // Under a filter: a count capped at CountCap when the list goes on, none when it ends on the page.
        var filter = JournalEntryFilter.None with { Text = "n1" };
        JournalEntryPage? filtered = null;
        var filteredCommands = await SqlStatementCounter.Measure(async () =>
            filtered = await auditor.Send(new ListJournalEntriesQuery(filter, 1, 20)));
        Assert.Single(filteredCommands);
        Assert.Equal(filtered!.Rows.Count, filtered.Total);
        var everyAmount = JournalEntryFilter.None with { MinAmount = 0m };
        var goesOnCommands = await SqlStatementCounter.Measure(async () =>
            filtered = await auditor.Send(new ListJournalEntriesQuery(everyAmount, 1, 5)));
        Assert.Equal(2, goesOnCommands.Count);
        Assert.Contains(goesOnCommands, c => c.Contains("count(", StringComparison.OrdinalIgnoreCase));
        Assert.Equal((5, 12, false), (filtered!.Rows.Count, filtered.Total, filtered.TotalIsLowerBound));
    }
}
