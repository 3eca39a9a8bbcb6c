namespace BuildTests.Hosting;

/// <summary>The hosting map: the one place that knows which platform hosts an environment.</summary>
public sealed class HostingMapTests
{
    [Fact]
    public void The_default_map_hosts_local_here_and_staging_and_production_on_ecs()
    {
        var map = HostingMap.Default;

        Assert.Equal(HostingPlatform.Local, map["local"].Platform);
        Assert.Equal(HostingPlatform.Ecs, map["staging"].Platform);
        Assert.Equal(HostingPlatform.Ecs, map["production"].Platform);
        Assert.Equal(["local", "production", "staging"], map.Declared.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_production_is_promoted_from_staging_and_guards_its_restores()
    {
        var map = HostingMap.Default;

        Assert.Equal("staging", map["production"].PromotedFrom);
        Assert.True(map["production"].RestoreNeedsConfirmation);
        Assert.All([map["local"], map["staging"]], e => Assert.Null(e.PromotedFrom));
        Assert.All([map["local"], map["staging"]], e => Assert.False(e.RestoreNeedsConfirmation));
    }

    [Fact]
    public void An_environment_the_map_does_not_declare_is_hosted_on_its_fallback_with_no_promotion()
    {
        var undeclared = HostingMap.Default["t0a1b2c3"];

        Assert.Equal("t0a1b2c3", undeclared.Name);
        Assert.Equal(HostingPlatform.Ecs, undeclared.Platform);
        Assert.Null(undeclared.PromotedFrom);
        Assert.False(undeclared.RestoreNeedsConfirmation);
    }

    [Fact]
    public void A_build_declares_a_platform_of_its_own_without_changing_the_default()
    {
        var kubernetes = new HostingPlatform("kubernetes");
        var map = HostingMap.Default.With(new HostedEnvironment("staging", kubernetes));

        Assert.True(map["staging"].IsHostedOn(kubernetes));
        Assert.False(map["staging"].IsHostedOn(HostingPlatform.Ecs));
        Assert.Equal(HostingPlatform.Ecs, HostingMap.Default["staging"].Platform);
        Assert.Equal(3, map.Declared.Count);
    }

    [Fact]
    public void A_component_asked_for_an_environment_hosted_elsewhere_is_refused_naming_where_it_is_and_what_it_serves()
    {
        var map = HostingMap.Default;

        map.Require("staging", HostingPlatform.Ecs, "the ECS platform");
        var refused = Assert.Throws<InvalidOperationException>(() => map.Require("staging", HostingPlatform.Local, "the local platform"));
        var nowhere = Assert.Throws<InvalidOperationException>(() => map.Require("local", new HostingPlatform("kubernetes"), "the Kubernetes platform"));

        Assert.Equal("the staging environment is hosted on ecs, not local: the local platform serves local only", refused.Message);
        Assert.Equal("the local environment is hosted on local, not kubernetes: the Kubernetes platform serves no environment of this build's hosting map", nowhere.Message);
    }

    [Fact]
    public void Platforms_are_equal_by_name()
    {
        Assert.Equal(HostingPlatform.Local, new HostingPlatform("local"));
        Assert.NotEqual(HostingPlatform.Local, HostingPlatform.Ecs);
        Assert.Equal("ecs", HostingPlatform.Ecs.ToString());
    }
}
