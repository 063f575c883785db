import {
  ApartmentOutlined,
  PhoneOutlined,
  FileDoneOutlined,
  CheckSquareOutlined,
  AlertOutlined,
  AuditOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  BookOutlined,
  CalculatorOutlined,
  FieldTimeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  ScheduleOutlined,
  NotificationOutlined,
  SafetyOutlined,
  ContainerOutlined,
  MessageOutlined,
  BarChartOutlined,
  ReconciliationOutlined,
  FileTextOutlined,
  ClusterOutlined,
  CommentOutlined,
  ScissorOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { MenuAbilities } from '../api/types';
import { useLogout, useSession } from '../auth/session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { TodoBell } from './TodoBell';

const { Header, Sider, Content } = Layout;

type Item = Required<MenuProps>['items'][number] & { key: string };

/** The side menu: one entry per menu ability the server granted. */
function menuItems(a: MenuAbilities): Item[] {
  const items: (Item | false)[] = [
    { key: '/todo', icon: <CheckSquareOutlined />, label: '我的待办' },
    { key: '/cases', icon: <FileProtectOutlined />, label: '执法办案' },
    a.orgs && { key: '/orgs', icon: <ApartmentOutlined />, label: '机构管理' },
    a.users && { key: '/users', icon: <TeamOutlined />, label: '用户管理' },
    a.officers && { key: '/officers', icon: <IdcardOutlined />, label: '执法人员' },
    a.officers && { key: '/eligibility', icon: <SafetyCertificateOutlined />, label: '持证上岗检查' },
    a.laws && { key: '/laws', icon: <BookOutlined />, label: '法律法规' },
    a.basisFlags && { key: '/laws/basis-flags', icon: <AlertOutlined />, label: '依据变更' },
    a.powers && { key: '/powers', icon: <UnorderedListOutlined />, label: '权责清单' },
    a.discretion && { key: '/discretion', icon: <CalculatorOutlined />, label: '违法行为与裁量基准' },
    a.inspections && { key: '/inspections', icon: <ScheduleOutlined />, label: '双随机、一公开' },
    a.publicity && { key: '/publicity', icon: <NotificationOutlined />, label: '行政执法公示' },
    a.legality && { key: '/legality/reviews', icon: <SafetyOutlined />, label: '合法性审查' },
    a.contracts && { key: '/contracts', icon: <ContainerOutlined />, label: '合同合法性审查' },
    a.legislativeConsultations && { key: '/legislative-consultations', icon: <MessageOutlined />, label: '立法征询' },
    a.normativeDocuments && { key: '/normative-documents', icon: <FileTextOutlined />, label: '规范性文件' },
    a.majorDecisions && { key: '/major-decisions', icon: <ClusterOutlined />, label: '重大行政决策' },
    a.consultations && { key: '/consultations', icon: <CommentOutlined />, label: '公开征求意见' },
    a.fairCompetition && { key: '/fair-competition', icon: <ScissorOutlined />, label: '公平竞争审查' },
    a.complaints && { key: '/complaints', icon: <PhoneOutlined />, label: '投诉举报' },
    a.disclosure && { key: '/disclosure', icon: <FileSearchOutlined />, label: '政府信息公开申请' },
    a.recommendations && { key: '/recommendations', icon: <MessageOutlined />, label: '检察建议、司法建议' },
    a.figures && { key: '/figures', icon: <BarChartOutlined />, label: '统计指标' },
    a.remedies && { key: '/remedies', icon: <SafetyOutlined />, label: '行政复议和行政应诉' },
    a.annualReports && { key: '/annual-reports', icon: <FileDoneOutlined />, label: '年度报告' },
    { key: '/deadlines', icon: <FieldTimeOutlined />, label: '工作日与期限' },
    { key: '/rules', icon: <ReconciliationOutlined />, label: '规则目录' },
    a.record && { key: '/record/ledger', icon: <AuditOutlined />, label: '记录总账' },
    a.treeHeads && { key: '/record/tree-heads', icon: <KeyOutlined />, label: '签名树头' },
    a.accessLog && { key: '/audit/access', icon: <FileSearchOutlined />, label: '访问日志' },
  ];
  return items.filter((x): x is Item => !!x);
}

/** Which menu entry a path belongs to (a matter's record belongs to its module). */
function selectedKey(pathname: string): string {
  const m = /^\/record\/(org|user|officer)\//.exec(pathname);
  if (m) return { org: '/orgs', user: '/users', officer: '/officers' }[m[1] as 'org' | 'user' | 'officer'];
  if (pathname.startsWith('/record/powerItem/')) return '/powers';
  if (pathname.startsWith('/record/case/')) return '/cases';
  if (pathname.startsWith('/record/publication/')) return '/publicity';
  if (pathname.startsWith('/legality/') || /^\/record\/(legalityReview|legalAdviser)\//.test(pathname)) return '/legality/reviews';
  if (pathname.startsWith('/record/contractReview/')) return '/contracts';
  if (pathname.startsWith('/record/legislativeConsultation/')) return '/legislative-consultations';
  if (pathname.startsWith('/record/normativeDocument/')) return '/normative-documents';
  if (/^\/record\/(majorPolicyDecision|decisionCatalogue)\//.test(pathname)) return '/major-decisions';
  if (pathname.startsWith('/record/publicConsultation/')) return '/consultations';
  if (pathname.startsWith('/record/fairCompetitionReview/')) return '/fair-competition';
  if (/^\/record\/(complaint|report)\//.test(pathname)) return '/complaints';
  if (pathname.startsWith('/record/legalSource/')) return '/laws';
  if (pathname.startsWith('/record/figureSet/')) return '/figures';
  if (pathname.startsWith('/remedies/') || /^\/record\/(reconsideration|lawsuit)\//.test(pathname)) return '/remedies';
  if (pathname.startsWith('/record/annualReport/')) return '/annual-reports';
  if (pathname.startsWith('/record/disclosureRequest/')) return '/disclosure';
  if (pathname.startsWith('/record/recommendation/')) return '/recommendations';
  if (pathname.startsWith('/laws/basis-flags')) return '/laws/basis-flags';
  if (/^\/record\/(violation|discretionBenchmark|discretionThreshold)\//.test(pathname)) return '/discretion';
  if (/^\/record\/(inspectionTask|inspectionItem|inspectionPlan|targetPool)\//.test(pathname)) return '/inspections';
  if (pathname.startsWith('/audit/')) return '/audit/access';
  if (pathname.startsWith('/record/')) return pathname;
  return `/${pathname.split('/')[1] ?? ''}`;
}

export default function AppLayout() {
  const { user, abilities } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useLogout();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // a phone (narrower than antd's md, 768 px): the menu is a drawer, the header keeps to one line
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(pathname)]}
      items={menuItems(abilities)}
      onClick={(e) => {
        setDrawerOpen(false);
        navigate(e.key);
      }}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: phone ? 8 : 16, paddingInline: phone ? 8 : 20, background: '#0f2d5c' }}>
        {phone && <Button type="text" aria-label="菜单" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} onClick={() => setDrawerOpen(true)} />}
        <SafetyCertificateOutlined style={{ color: '#fff', fontSize: 22 }} />
        <Typography.Text strong style={{ color: '#fff', fontSize: phone ? 16 : 18, whiteSpace: 'nowrap' }}>
          {phone ? '法治' : '法治 · 行政执法监督平台'}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <TodoBell />
        {phone ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'org', label: user.orgName, disabled: true },
                { key: 'roles', label: user.roleLabels.join('、'), disabled: true },
                { type: 'divider' },
                { key: 'certificate', icon: <IdcardOutlined />, label: '亮证（我的执法证）', onClick: () => navigate('/me/certificate') },
                { key: 'password', icon: <LockOutlined />, label: '修改密码', onClick: () => setPasswordOpen(true) },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => logout.mutate() },
              ],
            }}
          >
            <Button type="text" data-testid="current-user" style={{ color: '#fff', minWidth: 0, maxWidth: 180, overflow: 'hidden' }}>
              <UserOutlined />
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.displayName}</span>
            </Button>
          </Dropdown>
        ) : (
          <Space size="middle" wrap={false} data-testid="current-user">
            <Tooltip title={user.username}>
              <Space size={4} style={{ color: '#fff' }}>
                <UserOutlined />
                <span>{user.displayName}</span>
              </Space>
            </Tooltip>
            <span style={{ color: 'rgba(255,255,255,0.75)' }}>{user.orgName}</span>
            <span>
              {user.roleLabels.map((r) => (
                <Tag key={r} color="gold" style={{ marginInlineEnd: 4 }}>
                  {r}
                </Tag>
              ))}
            </span>
            <Button size="small" ghost icon={<LockOutlined />} onClick={() => setPasswordOpen(true)}>
              修改密码
            </Button>
            <Button size="small" ghost icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
              退出登录
            </Button>
          </Space>
        )}
      </Header>
      <Layout>
        {phone ? (
          <Drawer
            placement="left"
            size={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title="法治 · 行政执法监督平台"
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Sider width={200} theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg">
            {menu}
          </Sider>
        )}
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
