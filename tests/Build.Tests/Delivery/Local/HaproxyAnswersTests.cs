namespace BuildTests.Delivery.Local;

/// <summary>HAProxy 2.6's admin socket answers, as recorded, read into what the platform reports.</summary>
public sealed class HaproxyAnswersTests
{
    private const string ShowStat = """
        # pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,agent_code,agent_duration,check_desc,agent_desc,
        public,FRONTEND,,,1,3,262119,40,4120,9876,0,0,0,,,,,OPEN,,,,,,,,,1,2,0,,,,0,1,0,3,,,,0,15,0,0,25,0,,1,3,40,,,0,0,0,0,,,,,,,,,,,,,
        public,blue,0,0,0,1,,15,1500,3000,,0,,0,0,0,0,UP,90,1,0,0,0,12,0,,1,3,1,,15,,2,0,,2,L7OK,200,1,0,15,0,0,0,0,,,,15,0,0,,,,,3,,,0,0,2,4,,,,Layer7 check passed,,
        public,green,0,0,1,1,,26,1400,3000,,0,,1,0,0,0,DOWN 1/2,10,1,0,1,1,3,3,,1,3,2,,25,,2,0,,2,* L7STS,503,2,0,0,0,0,25,0,,,,25,0,0,,,,,1,,,0,0,7,9,,,,Layer7 wrong status,,
        public,BACKEND,0,0,1,3,26212,40,4120,9876,0,0,,1,0,0,0,UP,100,2,0,,0,12,0,,1,3,0,,40,,1,1,,3,,,,0,15,0,0,25,0,,,,40,0,0,0,0,0,0,1,,,0,0,5,7,,,,,,
        """;

    [Fact]
    public void Show_stat_gives_each_servers_health_and_cumulative_traffic()
    {
        var servers = ServerStats.Parse(ShowStat);

        Assert.Equal(["blue", "green"], servers.Select(s => s.Server));
        var green = servers[1];
        Assert.Equal(("DOWN 1/2", 10, 1L, 26L, 25L, 1L, 0L, 7L), (green.Status, green.Weight, green.CurrentSessions, green.TotalSessions, green.Responses5xx, green.ConnectionErrors, green.ResponseErrors, green.ResponseTimeMs));
        Assert.False(green.IsHealthy);
        Assert.Equal("DOWN 1/2, check L7STS 503 (Layer7 wrong status)", green.Describe()); // "* " marks a check in progress
        Assert.True(servers[0].IsHealthy);
    }

    [Fact]
    public void A_drained_server_takes_no_traffic_even_when_its_status_says_DOWN()
    {
        const string State = """
            1
            # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
            3 public 1 blue 127.0.0.1 2 0 100 100 2 15 3 2 6 0 0 0 - 15101 - 0 0 - - 0
            3 public 2 green 127.0.0.1 0 8 0 0 1 8 2 0 6 0 0 0 - 15102 - 0 0 - - 0
            """;

        Assert.False(ServerAdminState.TakesNoTraffic(State, "blue"));
        Assert.True(ServerAdminState.TakesNoTraffic(State, "green"));
    }

    [Fact]
    public void The_config_starts_with_the_live_color_on_all_traffic_and_the_test_listener_on_the_idle_one()
    {
        var settings = new LocalPlatformSettings { PublicPort = 8080, TestPort = 8081, BluePort = 5101, GreenPort = 5102 };
        var live = new EnvironmentState { Live = new ColorRelease(Color.Green, "r/app@sha256:" + new string('a', 64)) };

        var config = HaproxyConfig.Render(settings, "/state/haproxy.sock", RouterStart.From(live));

        Assert.Contains("    server blue 127.0.0.1:5101 weight 0 check\n    server green 127.0.0.1:5102 weight 100 check\n", config, StringComparison.Ordinal);
        Assert.Contains("    server blue 127.0.0.1:5101\n    server green 127.0.0.1:5102 disabled\n", config, StringComparison.Ordinal);
        Assert.Contains("    stats socket /state/haproxy.sock mode 600 level admin\n", config, StringComparison.Ordinal);
        Assert.Equal(new RouterStart(new TrafficWeights(0, 0), Color.Blue), RouterStart.From(EnvironmentState.Empty));
    }
}
