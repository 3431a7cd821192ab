#!/usr/bin/env python3
"""Writes N distinct signed Douyin pushes (one message each) for wrk: one line per request,
`event-sign<TAB>body`. event-sign = MD5(app_key + body + app_secret) as hex (platforms.md §1)."""
import hashlib
import sys

count = int(sys.argv[1])
app_key, app_secret, out = sys.argv[2], sys.argv[3], sys.argv[4]
with open(out, "w") as f:
    for i in range(count):
        order = 4984023467827300000 + i
        data = '{\\"p_id\\":%d,\\"s_ids\\":[%d],\\"shop_id\\":4463798,\\"order_status\\":2,\\"pay_amount\\":2990,\\"update_time\\":1764400001}' % (order, order)
        body = '[{"tag":"101","msg_id":"wrk-%d","data":"%s"}]' % (i, data)
        sign = hashlib.md5((app_key + body + app_secret).encode()).hexdigest()
        f.write(sign + "\t" + body + "\n")
