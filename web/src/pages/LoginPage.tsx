import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { keys, useSessionQuery } from '../api/queries';
import type { Session } from '../api/types';
import { FullPageSpin } from '../auth/session';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const session = useSessionQuery();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: (body: LoginForm) => api.post<Session>('/api/auth/login', body),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      queryClient.setQueryData(keys.session, s);
      navigate(from.startsWith('/login') ? '/' : from, { replace: true });
    },
    onError: (e) => setError(e.message),
  });

  if (session.isPending) return <FullPageSpin />;
  if (session.data) return <Navigate to={from} replace />;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(135deg, #0f2d5c 0%, #1f4fa3 60%, #3b6fc9 100%)',
      }}
    >
      <Card style={{ width: 400, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            法治 · 行政执法监督平台
          </Typography.Title>
          <Typography.Text type="secondary">工作人员登录</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
        <Form<LoginForm>
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            setError(null);
            login.mutate(v);
          }}
          onValuesChange={() => setError(null)}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          连续多次输错密码后须等待片刻才能再试。所有操作均记入执法全过程记录。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
