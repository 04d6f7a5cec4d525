namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>Looks up seeded demo records behind the application's back (owner role, all tenants).</summary>
public static class DemoData
{
    public static Task<Guid> FirstPersonIdAsync(this LtcWebHost host, string tenantId) =>
        host.QueryAsOwnerAsync<Guid>(
            "select id from insured_people where tenant_id = @tenant order by name, id limit 1", ("tenant", tenantId));

    public static async Task<(string Name, string IdNumber)> FirstPersonAsync(this LtcWebHost host, string tenantId)
    {
        var id = await host.FirstPersonIdAsync(tenantId);
        var name = await host.QueryAsOwnerAsync<string>("select name from insured_people where id = @id", ("id", id));
        var idNumber = await host.QueryAsOwnerAsync<string>("select id_number from insured_people where id = @id", ("id", id));
        return (name, idNumber);
    }
}
