using LtcInsurance.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Seeding;

/// <summary>
/// Separation of duties (issue #16): whoever administers a city's data is not also the one who audits it. The demo users
/// hold one role each; in particular no user is both admin and auditor.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SeparationOfDutiesTests(PostgresFixture db)
{
    [Fact]
    public async Task No_demo_user_is_both_admin_and_auditor_and_each_holds_one_role()
    {
        await using var context = db.OwnerContext();
        var roles = await (
                from ur in context.UserRoles
                join r in context.Roles on ur.RoleId equals r.Id
                join u in context.Users on ur.UserId equals u.Id
                select new { u.UserName, Role = r.Name })
            .ToListAsync();
        var byUser = roles.GroupBy(x => x.UserName!).ToDictionary(g => g.Key, g => g.Select(x => x.Role!).ToList());

        Assert.NotEmpty(byUser);
        Assert.Contains(byUser, u => u.Value.Contains(Roles.Auditor));
        Assert.DoesNotContain(byUser, u => u.Value.Contains(Roles.Admin) && u.Value.Contains(Roles.Auditor));
        Assert.All(byUser, u => Assert.Single(u.Value));
    }
}
